package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.ArrayList;
import java.util.List;

/**
 * A gate in disguise: the plan declares no fee and no starter package, and the "health starter
 * kit" (CNY 2,000 to 7,500) is listed as an ordinary product; yet 85 to 100 % of the recruits (the
 * founders always) buy it within three days of joining, and the sponsor is paid 20 to 30 % of it,
 * in half the plans the level above too; there is little retail.
 *
 * <p>Modelled on the Quanjian (权健) judgment (天津市武清区人民法院, 8 January 2020): members
 * became members by buying the company's products at prices far above their cost, and were
 * rewarded by the number of members they brought in. 刑法 art. 224-1 and 禁止传销条例 art. 7(2)
 * cover buying goods to obtain the right to join as paying an entry fee.
 */
final class StarterKitAsProduct implements Economy {

    static final String KIT = "L-KIT";

    @Override
    public void open(Market market) {
        long price = market.between(20, 75) * 10_000L;
        ListingId kit = market.publish(KIT, "KIT-HEALTH-6", "Health starter kit: 6 products", ListingKind.PRODUCT, price);
        var rates = new ArrayList<LevelRate>(List.of(new LevelRate(1, 1000), new LevelRate(2, market.between(20, 30) * 100)));
        if (market.chance(0.5)) {
            rates.add(new LevelRate(3, market.between(5, 10) * 100));
        }
        market.declare(new CompensationPlan(rates, null, null, List.of(), null, 30, 9000));
        List<ListingId> products = Catalogue.publishProducts(market, 2);
        double buyers = market.fraction(0.85, 1.0);
        new Recruitment(market, Recruitment.Growth.ACCELERATING,
                Sponsors.foundersChainThen(Sponsors.hotRecruiters(market, 0.04)), null,
                distributor -> {
                    if (distributor < Recruitment.FOUNDERS || market.chance(buyers)) {
                        market.at(market.inHours(1, 72), () -> market.supply(distributor, Market.MERCHANT, kit, 1));
                    }
                    SideSales.perhaps(market, distributor, products, 0.3);
                }).start();
    }
}
