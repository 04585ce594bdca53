package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.simulator.Market.Sold;

import java.util.List;

/**
 * Distributors of an honest network: most sell a few products to new customers, some never do
 * (dormant), and some buy once for their own use, only while that month's internal consumption
 * stays within a tenth of its retail sales.
 */
final class RetailSellers {

    private static final double DORMANT = 0.25;
    private static final double OWN_USE = 0.3;

    private final Market market;
    private final List<ListingId> products;
    private final RefundPolicy refunds;

    RetailSellers(Market market, List<ListingId> products, RefundPolicy refunds) {
        this.market = market;
        this.products = products;
        this.refunds = refunds;
    }

    /**
     * A member's life from its enrolment. An {@code active} member is never dormant, sells at
     * least twice starting the next day, and its first customer asks for a refund.
     */
    void joined(int distributor, boolean active) {
        if (!active && market.chance(DORMANT)) {
            return;
        }
        int sales = market.between(active ? 2 : 1, 5);
        long first = active ? market.inHours(12, 24) : market.inDays(1, 6);
        market.at(first, () -> sell(distributor, sales, active));
        if (market.chance(OWN_USE)) {
            market.at(market.inDays(2, 25), () -> buyForOwnUse(distributor));
        }
    }

    private void sell(int distributor, int remaining, boolean refundCertain) {
        Sold sale = market.sell(distributor, market.pick(products), market.between(1, 2));
        refunds.afterRetail(market, sale, refundCertain);
        if (remaining > 1) {
            market.at(market.inDays(3, 15), () -> sell(distributor, remaining - 1, false));
        }
    }

    private void buyForOwnUse(int distributor) {
        ListingId product = market.pick(products);
        if (market.ownUseFits(market.price(product))) {
            refunds.afterPurchase(market, market.supply(distributor, Market.MERCHANT, product, 1));
        }
    }
}
