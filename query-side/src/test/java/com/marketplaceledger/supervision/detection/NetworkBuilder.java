package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.query.support.LedgerHistory;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a merchant's network straight into the event store, as the command side would record it. */
final class NetworkBuilder {

    static final Money FEE = Money.of(398_000, "CNY");

    private final LedgerHistory history;
    private final MerchantId merchant;
    private final Map<String, List<DistributorId>> uplines = new HashMap<>();
    private long last;

    NetworkBuilder(LedgerHistory history, String merchantId, Instant registeredAt) {
        this(history, merchantId, "LIC-" + merchantId, registeredAt);
    }

    NetworkBuilder(LedgerHistory history, String merchantId, String licenceNumber, Instant registeredAt) {
        this(history, merchantId, licenceNumber, "CN", registeredAt);
    }

    /** A merchant registered in {@code jurisdiction} (CN, US, ...), with the same plan and joining fee. */
    NetworkBuilder(LedgerHistory history, String merchantId, String licenceNumber, String jurisdiction, Instant registeredAt) {
        this.history = history;
        this.merchant = MerchantId.of(merchantId);
        last = history.append(StreamIds.merchant(merchant),
                new MerchantRegistered(merchant, merchantId + " Co", licenceNumber, jurisdiction, registeredAt));
        last = history.append(StreamIds.merchant(merchant), new CompensationPlanDeclared(merchant, 1,
                new CompensationPlan(List.of(new LevelRate(1, 1000)), null, FEE, List.of(), null, 30, 9000), registeredAt));
    }

    /** Enrols a distributor paying the joining fee; a null sponsor makes a root. */
    NetworkBuilder enrol(String distributorId, String sponsorId, Instant at) {
        var upline = new ArrayList<DistributorId>();
        if (sponsorId != null) {
            upline.add(DistributorId.of(sponsorId));
            upline.addAll(uplines.get(sponsorId));
        }
        uplines.put(distributorId, List.copyOf(upline));
        DistributorId id = DistributorId.of(distributorId);
        last = history.append(StreamIds.distributor(merchant, id), new DistributorEnrolled(merchant, id,
                sponsorId == null ? null : DistributorId.of(sponsorId), upline, FEE, 1, at));
        return this;
    }

    /**
     * A recruitment bonus to {@code beneficiaryId} for enrolling {@code recruitId}, on the recruit's
     * stream as the command side records it; returns the event's position.
     */
    long recruitmentBonus(String beneficiaryId, String recruitId, long amount, Instant at) {
        DistributorId recruit = DistributorId.of(recruitId);
        last = history.append(StreamIds.distributor(merchant, recruit), new CommissionAccrued(merchant,
                CommissionId.onEnrolment(recruit, CommissionBasis.RECRUITMENT, 1), DistributorId.of(beneficiaryId), 1,
                CommissionBasis.RECRUITMENT, Money.of(amount, "CNY"), null, null, 1, null, recruit, at));
        return last;
    }

    /** A root D-1 with {@code recruits} recruits under it in one level: 2 + recruits people, 3 levels with the merchant. */
    NetworkBuilder rootWithRecruits(int recruits, Instant from) {
        enrol("D-1", null, from);
        for (int i = 0; i < recruits; i++) {
            enrol("D-" + (i + 2), "D-1", from.plusSeconds(3600L * (i + 1)));
        }
        return this;
    }

    long lastPosition() {
        return last;
    }

    void await() {
        history.awaitProcessed(last);
    }
}
