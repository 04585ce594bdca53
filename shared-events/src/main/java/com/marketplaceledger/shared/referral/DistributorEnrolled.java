package com.marketplaceledger.shared.referral;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A new edge of the hierarchy. {@code upline} is the sponsor's chain at enrolment, sponsor first
 * and root last (empty for a root), recorded so that every later commission and audit is
 * deterministic. {@code planVersion} is the plan in force then, or null if none was declared.
 */
@Revision("1")
public record DistributorEnrolled(
        MerchantId merchantId,
        DistributorId distributorId,
        DistributorId sponsorId,
        List<DistributorId> upline,
        Money joiningFeePaid,
        Integer planVersion,
        Instant occurredAt) implements LedgerEvent {

    public DistributorEnrolled {
        upline = List.copyOf(upline);
    }
}
