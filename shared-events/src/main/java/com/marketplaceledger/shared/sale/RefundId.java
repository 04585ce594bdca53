package com.marketplaceledger.shared.sale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.marketplaceledger.shared.Identifiers;

/** refund id, chosen by the merchant. Serialised as a plain JSON string. */
public record RefundId(@JsonValue String value) {

    @JsonCreator
    public RefundId {
        Identifiers.requireValid(value, "refund id");
    }

    public static RefundId of(String value) {
        return new RefundId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
