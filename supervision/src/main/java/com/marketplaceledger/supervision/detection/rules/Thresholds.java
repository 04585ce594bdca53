package com.marketplaceledger.supervision.detection.rules;

import java.math.BigDecimal;
import java.util.Map;

/** The thresholds of one rule version, by name. */
public record Thresholds(Map<String, BigDecimal> values) {

    public Thresholds {
        values = Map.copyOf(values);
    }

    public BigDecimal get(String name) {
        BigDecimal value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no threshold " + name + " in " + values.keySet());
        }
        return value;
    }

    public long whole(String name) {
        return get(name).longValueExact();
    }
}
