package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.List;

/**
 * 入门费: every recruit pays CNY 3,980 to join; 30 % of it goes to its sponsor and 10 % to the
 * level above. Recruiting speeds up, and there is little retail.
 */
final class EntryFeePyramid implements Economy {

    static final Money JOINING_FEE = Money.of(398_000, Market.CNY);

    @Override
    public void open(Market market) {
        market.declare(new CompensationPlan(List.of(new LevelRate(1, 1000)), null, JOINING_FEE,
                List.of(new LevelRate(2, 3000), new LevelRate(3, 1000)), null, 30, 9000));
        List<ListingId> products = Catalogue.publishProducts(market, 2);
        new Recruitment(market, Recruitment.Growth.ACCELERATING,
                Sponsors.foundersChainThen(Sponsors.hotRecruiters(market, 0.04)), JOINING_FEE,
                distributor -> SideSales.perhaps(market, distributor, products, 0.3)).start();
    }
}
