package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerEvidence;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerMonth;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Month;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Penalty;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.RefundCase;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Reorder;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import com.marketplaceledger.shared.detection.Measurement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Network facts for rule tests: an empty network (the organiser alone, one level, nothing paid)
 * as of {@link #AS_OF}, with only what a test sets.
 */
final class Facts {

    static final LocalDate AS_OF = LocalDate.parse("2026-03-31");

    String merchantId = "M-1";
    LocalDate asOf = AS_OF;
    long people = 1;
    int levels = 1;
    Evidence enrolments = Evidence.NONE;
    Tally joiningFees = Tally.NONE;
    Tally gatePurchases = Tally.NONE;
    Evidence gatePlans = Evidence.NONE;
    Tally headcountPay = Tally.NONE;
    Tally teamPay = Tally.NONE;
    Tally participantPurchases = Tally.NONE;
    long collectedFromParticipantsCny;
    Tally productRetail = Tally.NONE;
    Tally productInternal = Tally.NONE;
    final List<Month> months = new ArrayList<>();
    final List<EarnerMonth> earners = new ArrayList<>();
    /** Each earner's month is proven by one commission, C-{distributor}-{month}. */
    EarnerEvidence earnerEvidence = shown -> shown.stream().limit(Evidence.MOST)
            .map(e -> "C-" + e.distributorId() + "-" + e.month()).toList();
    final List<Reorder> reorders = new ArrayList<>();
    final List<RefundCase> refunds = new ArrayList<>();
    Integer buybackBasisPoints;
    String planEventId;
    Penalty penalty;
    /** UTC unless a test sets the merchant's zone: {@link #AS_OF} ends at 2026-04-01T00:00Z. */
    ZoneId zone = ZoneOffset.UTC;
    final List<InferredGate> inferredGates = new ArrayList<>();
    final List<TeamPaidMonth> teamPaidMonths = new ArrayList<>();

    static Facts network() {
        return new Facts();
    }

    NetworkFacts facts() {
        return new NetworkFacts(merchantId, null, asOf, people, levels, enrolments, joiningFees, gatePurchases, gatePlans,
                headcountPay, teamPay, participantPurchases, collectedFromParticipantsCny, productRetail, productInternal,
                months, Rows.of(earners), earnerEvidence, Rows.of(reorders), Rows.of(refunds), buybackBasisPoints, planEventId, penalty,
                zone,
                inferredGates, teamPaidMonths);
    }

    /** The evidence of events with the given ids, all of them kept. */
    static Evidence evidence(String... eventIds) {
        return new Evidence(List.of(eventIds), eventIds.length);
    }

    /** As many payments as ids, summing to the amount. */
    static Tally tally(long amount, String... eventIds) {
        return new Tally(eventIds.length, amount, evidence(eventIds));
    }

    /**
     * A product listing that {@code buyers} of {@code recruits} bought within 7 days of joining,
     * each purchase (S-{listing}-n, 10,000) paying its sponsor one commission (C-{listing}-n, 1,000).
     */
    static InferredGate gate(String listingId, long recruits, int buyers) {
        String[] sales = new String[buyers];
        String[] commissions = new String[buyers];
        for (int n = 0; n < buyers; n++) {
            sales[n] = "S-" + listingId + "-" + (n + 1);
            commissions[n] = "C-" + listingId + "-" + (n + 1);
        }
        return new InferredGate(listingId, "PRODUCT", 7, recruits, buyers, buyers, tally(10_000L * buyers, sales),
                tally(1_000L * buyers, commissions));
    }

    static YearMonth month(String yyyyMm) {
        return YearMonth.parse(yyyyMm);
    }

    /** The findings of a rule under its v1 thresholds. */
    static List<Finding> judge(DetectionRule rule, NetworkFacts facts) {
        return rule.evaluate(facts, new Thresholds(rule.description().thresholds()));
    }

    static Measurement measurement(Finding finding, String name) {
        return finding.measurements().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no measurement " + name + " in " + finding.measurements()));
    }
}
