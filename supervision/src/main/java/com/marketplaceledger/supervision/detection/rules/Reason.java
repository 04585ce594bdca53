package com.marketplaceledger.supervision.detection.rules;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Why a rule fired, in no language: the code of a sentence of the message bundles
 * ({@code i18n/messages*.properties}) and the figures it names, as plain strings. The sentence is
 * rendered in the reader's language when an alert or a finding is read, so an alert raised once
 * reads in Chinese for one regulator and in English for another.
 */
public record Reason(String code, Map<String, String> arguments) {

    /**
     * Every code a rule can give. A code outside it is refused, so a rule cannot give a reason
     * that has no sentence; the bundles' tests hold every code here to an English and a Chinese one.
     */
    static final Set<String> CODES = Set.of(
            "rule.CN-HEADCOUNT-PAY.reason",
            "rule.CN-HEADCOUNT-PAY.reason.inferredGate",
            "rule.CN-ENTRY-FEE.reason",
            "rule.CN-ENTRY-FEE.reason.inferredGate",
            "rule.CN-TEAM-PAY.reason",
            "rule.CN-DIRECT-SELLING-CAP.reason",
            "rule.CN-DIRECT-SELLING-CAP.reason.noOwnRetail",
            "rule.CN-CRIMINAL-SCALE.reason",
            "rule.CN-SERIOUS.reason",
            "rule.CN-REPEAT.reason",
            "rule.CN-REFUND.reason",
            "rule.CN-PURCHASE-TEAM-PAY.reason",
            "rule.US-KOSCOT.reason",
            "rule.US-KOSCOT.reason.inferredGate",
            "rule.US-RETAIL-SHARE.reason",
            "rule.US-COMPANY-RETAIL.reason",
            "rule.US-70-PERCENT.reason",
            "rule.US-TEN-CUSTOMERS.reason",
            "rule.US-BUYBACK.reason.plan",
            "rule.US-BUYBACK.reason.refused",
            "rule.US-BUYBACK.reason.both");

    public Reason {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("no sentence for the reason " + code + ": add it to Reason.CODES and to "
                    + "both message bundles");
        }
        arguments = Collections.unmodifiableMap(new TreeMap<>(arguments));
    }

    /** A reason with its figures written as plain strings: numbers as digits, the rest as given. */
    static Reason of(String code, Map<String, ?> figures) {
        var arguments = new TreeMap<String, String>();
        figures.forEach((name, figure) -> arguments.put(name, String.valueOf(figure)));
        return new Reason(code, arguments);
    }
}
