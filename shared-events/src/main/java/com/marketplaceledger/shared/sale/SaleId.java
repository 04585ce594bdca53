package com.marketplaceledger.shared.sale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.marketplaceledger.shared.Identifiers;

/** sale id, chosen by the merchant. Serialised as a plain JSON string. */
public record SaleId(@JsonValue String value) {

    @JsonCreator
    public SaleId {
        Identifiers.requireValid(value, "sale id");
    }

    public static SaleId of(String value) {
        return new SaleId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
