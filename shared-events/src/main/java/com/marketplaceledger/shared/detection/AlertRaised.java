package com.marketplaceledger.shared.detection;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A detection rule fired. The alert pins the rule version and rule set version that raised it,
 * shows the measured values beside their thresholds, gives its reason as a code with its figures
 * (the regulator reads it in their own language, rendered when read), and names the events that
 * prove it.
 *
 * @param subtreeRootId    the distributor heading the judged subtree, or null for the merchant's
 *                         whole network
 * @param period           the calendar month judged (YYYY-MM) for periodic rules, else null
 * @param observedOn       the business day as of which the network was judged
 * @param reasonCode       which sentence explains the finding (a key of the query side's message
 *                         bundles); {@value #LEGACY_REASON} for a reason stored as an English
 *                         sentence by revision 1
 * @param reasonArguments  the figures that sentence names, as plain strings, by name
 * @param evidenceEventIds identifiers of the events that prove the finding (at most a configured
 *                         number of them); {@code evidenceTotal} counts them all
 * @param occurredAt       when the engine raised it
 */
@Revision("2")
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
        String reasonCode,
        Map<String, String> reasonArguments,
        List<String> evidenceEventIds,
        long evidenceTotal,
        Instant occurredAt) implements LedgerEvent {

    /** The reason code of an alert raised before reasons were codes; its one argument is {@value #LEGACY_SENTENCE}. */
    public static final String LEGACY_REASON = "reason.legacy";
    /** The English sentence a revision 1 alert gave as its reason. */
    public static final String LEGACY_SENTENCE = "sentence";

    public AlertRaised {
        measurements = List.copyOf(measurements);
        // by name, so the stored JSON lists the figures alike whatever map the engine built
        reasonArguments = Collections.unmodifiableMap(new TreeMap<>(reasonArguments));
        evidenceEventIds = List.copyOf(evidenceEventIds);
    }
}
