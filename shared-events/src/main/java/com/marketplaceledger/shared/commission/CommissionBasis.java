package com.marketplaceledger.shared.commission;

/** What a commission was paid for; the legal tests tell these apart. */
public enum CommissionBasis {
    /** The beneficiary's own sale to an end customer outside the network (level 1). */
    OWN_RETAIL_SALE,
    /** A sale to an end customer made by someone in the beneficiary's downline (team pay). */
    DOWNLINE_SALE,
    /** A purchase made by a participant in the beneficiary's downline (internal consumption). */
    DOWNLINE_PURCHASE,
    /** A fixed bonus for recruiting a new distributor (headcount pay). */
    RECRUITMENT,
    /** A share of the joining fee a recruit paid. */
    JOINING_FEE
}
