package com.marketplaceledger.shared.casework;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.marketplaceledger.shared.Identifiers;

/** A regulator's case id: generated when the case is opened unless the regulator gives one. */
public record CaseId(@JsonValue String value) {

    @JsonCreator
    public CaseId {
        Identifiers.requireValid(value, "case id");
    }

    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
