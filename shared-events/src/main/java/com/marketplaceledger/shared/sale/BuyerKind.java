package com.marketplaceledger.shared.sale;

public enum BuyerKind {
    /** Someone outside the network: a real retail sale. */
    END_CUSTOMER,
    /** A distributor of the same merchant: internal consumption. */
    PARTICIPANT
}
