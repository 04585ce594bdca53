package com.marketplaceledger.shared.governance;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rule of a proposal: either an existing version of it ({@code version}), or what a new version
 * would hold ({@code logicVersion} and every threshold).
 */
public record ProposedRule(Integer version, Integer logicVersion, Map<String, Long> thresholds) {

    public ProposedRule {
        if ((version == null) == (logicVersion == null || thresholds == null)) {
            throw new IllegalArgumentException("a proposed rule names an existing version or the logic version and "
                    + "thresholds of a new one, not both or neither");
        }
        thresholds = thresholds == null ? null : Collections.unmodifiableMap(new TreeMap<>(thresholds));
    }

    public static ProposedRule existing(int version) {
        return new ProposedRule(version, null, null);
    }

    public static ProposedRule content(int logicVersion, Map<String, Long> thresholds) {
        return new ProposedRule(null, logicVersion, thresholds);
    }

    public boolean isExisting() {
        return version != null;
    }
}
