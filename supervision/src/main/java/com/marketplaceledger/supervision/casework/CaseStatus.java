package com.marketplaceledger.supervision.casework;

/** Where a case stands: OPEN, then optionally UNDER_REVIEW and ESCALATED, finally CLOSED. */
enum CaseStatus {
    OPEN,
    UNDER_REVIEW,
    ESCALATED,
    CLOSED
}
