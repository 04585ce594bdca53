package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.List;

/**
 * 拉人头: CNY 300 to the sponsor for every recruit, and every recruit buys a CNY 1,000 starter
 * package from the merchant within hours of joining (goods as a disguised entry fee).
 */
final class PayPerRecruit implements Economy {

    static final Money REFERRAL_BONUS = Money.of(30_000, Market.CNY);
    static final long STARTER_PRICE = 100_000;

    @Override
    public void open(Market market) {
        ListingId starter = market.publish("L-STARTER", "STARTER-12",
                "Starter package: 12 products and the right to recruit", ListingKind.STARTER_PACKAGE, STARTER_PRICE);
        market.declare(new CompensationPlan(List.of(new LevelRate(1, 1000)), REFERRAL_BONUS, null, List.of(),
                starter, 30, 9000));
        List<ListingId> products = Catalogue.publishProducts(market, 2);
        new Recruitment(market, Recruitment.Growth.ACCELERATING,
                Sponsors.foundersChainThen(Sponsors.hotRecruiters(market, 0.04)), null,
                distributor -> {
                    market.at(market.inHours(1, 3), () -> market.supply(distributor, Market.MERCHANT, starter, 1));
                    SideSales.perhaps(market, distributor, products, 0.3);
                }).start();
    }
}
