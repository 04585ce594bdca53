package com.marketplaceledger.shared;

/** A value that is not a valid identifier, currency or amount of the published language. */
public class InvalidValue extends IllegalArgumentException {

    public InvalidValue(String message) {
        super(message);
    }
}
