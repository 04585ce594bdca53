package com.marketplaceledger.shared.governance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A rule set's number: rule sets are numbered from 1 in the order they were proposed. */
public record RuleSetVersion(@JsonValue int value) {

    @JsonCreator
    public RuleSetVersion {
        if (value < 1) {
            throw new IllegalArgumentException("rule set versions count from 1: " + value);
        }
    }

    public static RuleSetVersion of(int value) {
        return new RuleSetVersion(value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
