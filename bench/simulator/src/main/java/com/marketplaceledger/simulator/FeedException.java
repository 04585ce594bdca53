package com.marketplaceledger.simulator;

/** The command side could not be reached, or refused a command. */
public class FeedException extends RuntimeException {

    FeedException(String message) {
        super(message);
    }

    FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
