package com.marketplaceledger.shared.detection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.marketplaceledger.shared.Identifiers;

/**
 * An alert's id. The detection engine derives it from what makes an alert unique (rule, rule
 * version, subject and period), so the same finding can never be raised twice.
 */
public record AlertId(@JsonValue String value) {

    @JsonCreator
    public AlertId {
        Identifiers.requireValid(value, "alert id");
    }

    public static AlertId of(String value) {
        return new AlertId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
