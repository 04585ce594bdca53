package com.marketplaceledger.shared.governance;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule version a proposal made: the rule's logic version and its thresholds, every one a whole
 * number (people, levels, days, basis points, minor units).
 */
public record NewRuleVersion(String ruleId, int version, int logicVersion, Map<String, Long> thresholds) {

    public NewRuleVersion {
        thresholds = Collections.unmodifiableMap(new TreeMap<>(thresholds));
    }
}
