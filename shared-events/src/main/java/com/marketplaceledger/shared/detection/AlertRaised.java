package com.marketplaceledger.shared.detection;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A detection rule fired. The alert pins the rule version and rule set version that raised it,
 * shows the measured values beside their thresholds, gives a reason a regulator can read, and
 * names the events that prove it.
 *
 * @param subtreeRootId    the distributor heading the judged subtree, or null for the merchant's
 *                         whole network
 * @param period           the calendar month judged (YYYY-MM) for periodic rules, else null
 * @param observedOn       the business day as of which the network was judged
 * @param evidenceEventIds identifiers of the events that prove the finding (at most a configured
 *                         number of them); {@code evidenceTotal} counts them all
 * @param occurredAt       when the engine raised it
 */
@Revision("1")
public record AlertRaised(
        MerchantId merchantId,
        AlertId alertId,
        String ruleId,
        int ruleVersion,
        int ruleSetVersion,
        Severity severity,
        RuleCategory category,
        DistributorId subtreeRootId,
        String period,
        LocalDate observedOn,
        List<Measurement> measurements,
        String reason,
        List<String> evidenceEventIds,
        long evidenceTotal,
        Instant occurredAt) implements LedgerEvent {

    public AlertRaised {
        measurements = List.copyOf(measurements);
        evidenceEventIds = List.copyOf(evidenceEventIds);
    }
}
