package com.marketplaceledger.shared.merchant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.marketplaceledger.shared.Identifiers;

/** merchant id, chosen by the merchant. Serialised as a plain JSON string. */
public record MerchantId(@JsonValue String value) {

    @JsonCreator
    public MerchantId {
        Identifiers.requireValid(value, "merchant id");
    }

    public static MerchantId of(String value) {
        return new MerchantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
