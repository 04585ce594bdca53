package com.marketplaceledger.shared.governance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Jurisdiction-to-rules mappings, kept in a fixed order so that equal mappings store equal JSON. */
final class RuleSetMappings {

    private RuleSetMappings() {
    }

    static Map<String, List<String>> copy(Map<String, List<String>> mapping) {
        var sorted = new TreeMap<String, List<String>>();
        if (mapping != null) {
            mapping.forEach((jurisdiction, rules) -> sorted.put(jurisdiction, rules.stream().sorted().distinct().toList()));
        }
        return Collections.unmodifiableMap(sorted);
    }
}
