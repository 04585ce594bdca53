package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingId;

import java.util.List;

/**
 * The little retail of a pyramid: now and then a member sells one product to a customer, only
 * while that month's retail stays within a quarter of what members paid in.
 */
final class SideSales {

    private SideSales() {
    }

    static void perhaps(Market market, int distributor, List<ListingId> products, double chance) {
        if (!market.chance(chance)) {
            return;
        }
        market.at(market.inDays(2, 20), () -> {
            ListingId product = market.pick(products);
            if (market.retailFits(market.price(product), 25)) {
                market.sell(distributor, product, 1);
            }
        });
    }
}
