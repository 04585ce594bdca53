package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.ArrayList;
import java.util.List;

/**
 * 团队计酬: 3 to 5 % to each of nine levels above a member, on its retail sales and on its own
 * purchases, which are where the money is: members restock for themselves every couple of weeks
 * (the founders weekly), and sell at most three in ten of the units they bought.
 */
final class DeepTeamPay implements Economy {

    private static final int DEEPEST_LEVEL = 30;

    private Market market;
    private List<ListingId> products;

    @Override
    public void open(Market market) {
        this.market = market;
        var rates = new ArrayList<LevelRate>();
        for (int level = 2; level <= 10; level++) {
            rates.add(new LevelRate(level, market.between(3, 5) * 100));
        }
        market.declare(new CompensationPlan(rates, null, null, List.of(), null, 30, market.between(18, 20) * 500));
        products = Catalogue.publishProducts(market, 3);
        new Recruitment(market, Recruitment.Growth.ACCELERATING,
                Sponsors.foundersChainThen(Sponsors.chains(market, 0.03, DEEPEST_LEVEL)), null, this::joined).start();
    }

    private void joined(int distributor) {
        boolean founder = distributor < Recruitment.FOUNDERS;
        int restocks = founder ? 6 : market.between(2, 6);
        market.at(market.inDays(0.5, 2), () -> restock(distributor, restocks, founder));
    }

    private void restock(int distributor, int remaining, boolean founder) {
        int sponsor = market.sponsorOf(distributor);
        int seller = sponsor != Market.ROOT && market.chance(0.3) ? sponsor : Market.MERCHANT;
        market.supply(distributor, seller, market.pick(products), market.between(2, 4));
        if (market.chance(0.35)) {
            market.at(market.inDays(1, 5), () -> sellOne(distributor));
        }
        if (remaining > 1) {
            long next = founder ? market.inDays(5, 9) : market.inDays(10, 20);
            market.at(next, () -> restock(distributor, remaining - 1, founder));
        }
    }

    /** One unit to a customer, if the member has sold under 30 % of what it bought and the month's retail stays small. */
    private void sellOne(int distributor) {
        ListingId product = market.pick(products);
        boolean stockLeft = (market.unitsSold(distributor) + 1) * 10 <= market.unitsBought(distributor) * 3;
        if (stockLeft && market.retailFits(market.price(product), 25)) {
            market.sell(distributor, product, 1);
        }
    }
}
