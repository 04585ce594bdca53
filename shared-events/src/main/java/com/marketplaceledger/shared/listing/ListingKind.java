package com.marketplaceledger.shared.listing;

/** What a listing sells; anything but a product is a classic vehicle for a disguised entry fee. */
public enum ListingKind {
    PRODUCT,
    STARTER_PACKAGE,
    MEMBERSHIP,
    TRAINING,
    FRANCHISE,
    BRANCH_STAKE
}
