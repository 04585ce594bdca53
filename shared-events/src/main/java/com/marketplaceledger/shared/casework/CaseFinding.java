package com.marketplaceledger.shared.casework;

/** What a regulator concluded when closing a case, from no action at all to a criminal referral. */
public enum CaseFinding {
    NO_VIOLATION,
    WARNING_ISSUED,
    PENALISED,
    REFERRED_FOR_PROSECUTION
}
