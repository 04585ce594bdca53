package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.simulator.Market.Sold;

import java.util.List;

/**
 * A shop and nothing else: the merchant sells its products to end customers, some of whom come
 * back; refunds asked for in time are issued, late ones refused. {@code size} retail sales,
 * spread evenly over the months.
 */
final class HonestRetailer implements Economy {

    private Market market;
    private List<ListingId> products;
    private long first;
    private long span;

    @Override
    public void open(Market market) {
        this.market = market;
        // both occur in honest retail: no plan at all, or one that pays nobody
        if (market.chance(0.5)) {
            market.declare(new CompensationPlan(List.of(), null, null, List.of(), null, 30, 10_000));
        }
        products = Catalogue.publishProducts(market, 4);
        first = market.start() + Market.DAY;
        span = market.end() - Market.DAY - first;
        market.at(timeOf(0), () -> sell(0));
    }

    private void sell(int sale) {
        String customer = market.chance(0.3) ? market.returningCustomer() : market.newCustomer();
        Sold sold = market.sellTo(Market.MERCHANT, market.pick(products), market.between(1, 3), customer);
        // the first sales carry the noise an honest shop has: a refund in time, and one asked for too late
        if (sale == 1) {
            RefundPolicy.askTooLate(market, sold);
        } else {
            RefundPolicy.HONOURED.afterRetail(market, sold, sale == 0);
        }
        if (sale + 1 < market.size()) {
            market.at(timeOf(sale + 1), () -> sell(sale + 1));
        }
    }

    private long timeOf(int sale) {
        return first + (long) (span * (sale + market.fraction(0, 1)) / market.size());
    }
}
