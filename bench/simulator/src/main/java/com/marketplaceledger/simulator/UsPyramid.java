package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.List;

/**
 * A US pyramid: every recruit buys one of three membership packages (USD 29.95, 129.95 or 429.95;
 * the founders the dearest) within hours of joining, which carries the right to earn, and the
 * sponsor earns USD 20 for every recruit whatever it sells; retail is a sideline.
 *
 * <p>Modelled on FTC v. BurnLounge, Inc., 753 F.3d 878 (9th Cir. 2014): participants bought
 * "product packages" that carried the right to earn rewards, and the rewards were for recruiting
 * package buyers, essentially unrelated to retail sales of music. The test is Koscot's (In re
 * Koscot Interplanetary, Inc., 86 F.T.C. 1106 (1975)): paying for the right to sell, and rewards
 * for recruiting unrelated to sales to ultimate users.
 */
final class UsPyramid implements Economy {

    static final Money REFERRAL_BONUS = Money.of(2_000, Market.USD);
    static final List<Long> PACKAGE_PRICES = List.of(2_995L, 12_995L, 42_995L);

    @Override
    public void open(Market market) {
        List<ListingId> packages = List.of(
                market.publish("L-PKG-BASIC", "PKG-BASIC", "Basic package: online store", ListingKind.MEMBERSHIP,
                        PACKAGE_PRICES.get(0)),
                market.publish("L-PKG-EXEC", "PKG-EXEC", "Executive package: store and monthly media",
                        ListingKind.MEMBERSHIP, PACKAGE_PRICES.get(1)),
                market.publish("L-PKG-VIP", "PKG-VIP", "VIP package: store, media and event access",
                        ListingKind.MEMBERSHIP, PACKAGE_PRICES.get(2)));
        market.declare(new CompensationPlan(List.of(new LevelRate(1, 1000)), REFERRAL_BONUS, null, List.of(), null,
                30, 9000));
        List<ListingId> products = Catalogue.publishProducts(market, 2);
        new Recruitment(market, Recruitment.Growth.ACCELERATING,
                Sponsors.foundersChainThen(Sponsors.hotRecruiters(market, 0.04)), null,
                distributor -> {
                    // the founders' VIP packages make the first month's takings count for the retail-share test
                    ListingId bought = distributor < Recruitment.FOUNDERS ? packages.get(2) : market.pick(packages);
                    market.at(market.inHours(1, 3), () -> market.supply(distributor, Market.MERCHANT, bought, 1));
                    SideSales.perhaps(market, distributor, products, 0.3);
                }).start();
    }
}
