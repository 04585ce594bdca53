package com.marketplaceledger.shared.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.marketplaceledger.shared.Identifiers;

/** distributor id, chosen by the merchant. Serialised as a plain JSON string. */
public record DistributorId(@JsonValue String value) {

    @JsonCreator
    public DistributorId {
        Identifiers.requireValid(value, "distributor id");
    }

    public static DistributorId of(String value) {
        return new DistributorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
