package com.marketplaceledger.simulator;

import com.marketplaceledger.simulator.Market.Sold;

/**
 * How a merchant answers refund requests. Requests inside the 30-day window come 1 to 8 days
 * after the sale; late ones 35 to 55 days after it, well clear of the window, and are refused.
 */
enum RefundPolicy {
    /** Refunds inside the window are issued; a few customers ask too late and are refused. */
    HONOURED(0.05, 0.15, 0),
    /** Most refunds inside the window are refused, and members' returns always. */
    REFUSING(0.15, 0.5, 0.8);

    private static final double LATE = 0.03;

    private final double retailRequests;
    private final double purchaseRequests;
    private final double refusedShare;

    RefundPolicy(double retailRequests, double purchaseRequests, double refusedShare) {
        this.retailRequests = retailRequests;
        this.purchaseRequests = purchaseRequests;
        this.refusedShare = refusedShare;
    }

    /**
     * What may follow a retail sale. {@code certain} makes a request inside the window certain,
     * answered as this policy mostly answers (refused, if it refuses at all).
     */
    void afterRetail(Market market, Sold sale, boolean certain) {
        if (certain || market.chance(retailRequests)) {
            inWindow(market, sale, "changed my mind", certain ? refusedShare > 0 : market.chance(refusedShare));
        } else if (market.chance(LATE)) {
            askTooLate(market, sale);
        }
    }

    /** What may follow a member's purchase for its own use. */
    void afterPurchase(Market market, Sold purchase) {
        if (market.chance(purchaseRequests)) {
            inWindow(market, purchase, "did not use it", refusedShare > 0);
        }
    }

    /** A request long after the window, refused as such: noise that no refund rule may count. */
    static void askTooLate(Market market, Sold sale) {
        long requestAt = market.inDays(35, 55);
        market.refundRefused(sale, sale.amount(), "found it in a drawer", requestAt, requestAt + Market.DAY,
                "outside the refund window");
    }

    private static void inWindow(Market market, Sold sale, String reason, boolean refuse) {
        long requestAt = market.inDays(1, 8);
        long decideAt = requestAt + market.between(1, 3) * Market.DAY;
        if (refuse) {
            market.refundRefused(sale, sale.amount(), reason, requestAt, decideAt, "opened goods cannot be returned");
        } else {
            market.refundIssued(sale, sale.amount(), reason, requestAt, decideAt);
        }
    }
}
