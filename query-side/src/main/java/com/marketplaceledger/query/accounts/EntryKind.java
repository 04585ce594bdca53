package com.marketplaceledger.query.accounts;

import com.marketplaceledger.shared.commission.CommissionBasis;

/** What an account entry records, from its party's side: money received or money paid. */
enum EntryKind {
    /** Bought from a seller, as a participant. */
    PURCHASE(false),
    /** Sold to an end customer, outside the network. */
    RETAIL_SALE(true),
    /** Sold to a participant: the network's internal consumption. */
    INTERNAL_SALE(true),
    JOINING_FEE_PAID(false),
    JOINING_FEE_RECEIVED(true),
    COMMISSION_OWN_RETAIL_SALE(true),
    COMMISSION_DOWNLINE_SALE(true),
    COMMISSION_DOWNLINE_PURCHASE(true),
    COMMISSION_RECRUITMENT(true),
    COMMISSION_JOINING_FEE(true),
    /** Commission the merchant owes its distributors. */
    COMMISSION_PAID(false),
    /** Commission given back because the sale it was paid on was refunded. */
    REVERSAL(false),
    REVERSAL_RECOVERED(true),
    REFUND_PAID(false),
    REFUND_RECEIVED(true);

    private final boolean received;

    EntryKind(boolean received) {
        this.received = received;
    }

    boolean received() {
        return received;
    }

    static EntryKind commission(CommissionBasis basis) {
        return valueOf("COMMISSION_" + basis.name());
    }
}
