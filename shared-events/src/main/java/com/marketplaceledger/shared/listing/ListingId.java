package com.marketplaceledger.shared.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.marketplaceledger.shared.Identifiers;

/** listing id, chosen by the merchant. Serialised as a plain JSON string. */
public record ListingId(@JsonValue String value) {

    @JsonCreator
    public ListingId {
        Identifiers.requireValid(value, "listing id");
    }

    public static ListingId of(String value) {
        return new ListingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
