package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A "free platform" paid for by "branch company" stakes: per city ten shareholders (roots) buy a
 * CNY 100,000 stake each, and earn CNY 500 for every merchant they bring in; recruits bring in
 * more. One to five cities, at most one per twenty participants.
 */
final class BranchStake implements Economy {

    static final List<String> CITIES = List.of("Hangzhou", "Ningbo", "Wenzhou", "Shaoxing", "Jinhua");
    static final int SHAREHOLDERS_PER_CITY = 10;
    static final long STAKE_PRICE = 10_000_000;
    static final Money REFERRAL_BONUS = Money.of(50_000, Market.CNY);

    @Override
    public void open(Market market) {
        int cities = Math.min(market.between(1, CITIES.size()), Math.max(1, market.size() / 20));
        var stakes = new ArrayList<ListingId>();
        for (String city : CITIES.subList(0, cities)) {
            stakes.add(market.publish("L-STAKE-" + (stakes.size() + 1), "STAKE-" + city.toUpperCase(Locale.ROOT),
                    "Branch company stake, " + city, ListingKind.BRANCH_STAKE, STAKE_PRICE));
        }
        market.declare(new CompensationPlan(List.of(new LevelRate(1, 1000)), REFERRAL_BONUS, null, List.of(), null,
                30, 9000));
        List<ListingId> products = Catalogue.publishProducts(market, 2);
        int shareholders = cities * SHAREHOLDERS_PER_CITY;
        new Recruitment(market, Recruitment.Growth.STEADY, recruit -> {
            if (recruit < shareholders) {
                return Market.ROOT;
            }
            // most merchants are brought in by shareholders, the others by merchants before them
            boolean byShareholder = recruit == shareholders || market.chance(0.6);
            return byShareholder ? market.below(shareholders) : shareholders + market.below(recruit - shareholders);
        }, null, distributor -> {
            if (distributor < shareholders) {
                ListingId stake = stakes.get(distributor / SHAREHOLDERS_PER_CITY);
                market.at(market.inHours(1, 6), () -> market.supply(distributor, Market.MERCHANT, stake, 1));
            } else {
                SideSales.perhaps(market, distributor, products, 0.2);
            }
        }).start();
    }
}
