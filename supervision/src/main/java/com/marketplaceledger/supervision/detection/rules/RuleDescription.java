package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a rule is and where its thresholds come from.
 *
 * @param jurisdiction the jurisdiction whose law the rule applies (a merchant's {@code jurisdiction}: CN, US)
 * @param logicVersion counts changes of the rule's code; a new one makes a new rule version
 * @param periodic     judged per calendar month (its findings name the month)
 * @param thresholds   the v1 thresholds, overridable by configuration and by regulators
 */
public record RuleDescription(
        String id,
        String jurisdiction,
        String title,
        RuleCategory category,
        Severity severity,
        String source,
        boolean periodic,
        int logicVersion,
        Map<String, BigDecimal> thresholds) {

    public RuleDescription {
        thresholds = Map.copyOf(thresholds);
    }
}
