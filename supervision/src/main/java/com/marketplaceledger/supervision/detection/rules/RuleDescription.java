package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a rule is and where its thresholds come from. Its title, its legal source and the
 * sentences of its reasons are texts of the message bundles, under {@code rule.<id>.}.
 *
 * @param logicVersion counts changes of the rule's code; a new one makes a new rule version
 * @param periodic     judged per calendar month (its findings name the month)
 * @param thresholds   the v1 thresholds, overridable by configuration and by regulators
 */
public record RuleDescription(
        String id,
        RuleCategory category,
        Severity severity,
        boolean periodic,
        int logicVersion,
        Map<String, BigDecimal> thresholds) {

    public RuleDescription {
        thresholds = Map.copyOf(thresholds);
    }

    public String titleKey() {
        return "rule." + id + ".title";
    }

    public String sourceKey() {
        return "rule." + id + ".source";
    }

    /** The code of the rule's reason. */
    String reasonCode() {
        return "rule." + id + ".reason";
    }

    /** The code of one of the rule's reasons, for a rule whose findings are explained in more than one way. */
    String reasonCode(String variant) {
        return reasonCode() + "." + variant;
    }
}
