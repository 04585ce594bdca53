package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.Arrays;
import java.util.List;

/**
 * A US multi-level plan that lives on retail: 20 % to the seller and 5, 3 and 2 % to the three
 * levels above, no fee, no package, no bonus per recruit. A quarter of the members (and the
 * founders) build organisations: only they sponsor, so only they are paid on others' sales, and
 * each sells to 12 to 15 new customers in every month it belongs to (the month it joins too, in
 * what is left of it); the others sell to 1 to 4 a month. Members buy at most once for their own
 * use while the month's internal consumption stays within a tenth of retail, and so never
 * reorder; refunds asked for in time are issued, stock is bought back at 90 % or more.
 *
 * <p>Modelled on In re Amway Corp., 93 F.T.C. 618 (1979): a multi-level plan was no pyramid
 * because its rules tied pay to retail sales: the buy-back rule, the 70 % rule (no bonus on
 * reorders before 70 % of the stock bought was sold or used) and the ten-customer rule (ten
 * sales to different retail customers each month).
 */
final class UsCompliantMlm implements Economy {

    private static final double OWN_USE = 0.3;
    private static final double LEADERS = 0.25;
    private static final double ROOTS = 0.25;

    private Market market;
    private List<ListingId> products;
    private int[] leaders = new int[16];
    private int leaderCount;

    @Override
    public void open(Market market) {
        this.market = market;
        market.declare(new CompensationPlan(List.of(new LevelRate(1, 2000), new LevelRate(2, 500),
                new LevelRate(3, 300), new LevelRate(4, 200)), null, null, List.of(), null, 30,
                market.between(18, 20) * 500));
        products = Catalogue.publishProducts(market, 4);
        new Recruitment(market, Recruitment.Growth.STEADY,
                Sponsors.foundersChainThen(this::sponsorOf), null, this::joined).start();
    }

    private int sponsorOf(int recruit) {
        return market.chance(ROOTS) ? Market.ROOT : leaders[market.below(leaderCount)];
    }

    private void joined(int distributor) {
        boolean leader = distributor < Recruitment.FOUNDERS || market.chance(LEADERS);
        if (leader) {
            if (leaderCount == leaders.length) {
                leaders = Arrays.copyOf(leaders, leaderCount * 2);
            }
            leaders[leaderCount++] = distributor;
        }
        sellMonth(distributor, leader, market.now(), market.endOfMonth(market.now()));
        if (market.chance(OWN_USE)) {
            market.at(market.inDays(2, 25), () -> buyForOwnUse(distributor));
        }
    }

    /**
     * A month's sales, one customer each, spread from {@code from} to the month's end, then the
     * next month's: each sale schedules the next, so a member has one step pending.
     */
    private void sellMonth(int distributor, boolean leader, long from, long to) {
        int sales = leader ? market.between(12, 15) : market.between(1, 4);
        market.at(timeOf(from, to, 0, sales), () -> sell(new SellingMonth(distributor, leader, from, to, sales), 0));
    }

    /** A member's selling month: from when, to the month's end, how many sales. */
    private record SellingMonth(int distributor, boolean leader, long from, long to, int sales) {
    }

    private void sell(SellingMonth month, int sale) {
        Market.Sold sold = market.sell(month.distributor(), market.pick(products), market.between(1, 2));
        RefundPolicy.HONOURED.afterRetail(market, sold, false);
        if (sale + 1 < month.sales()) {
            market.at(timeOf(month.from(), month.to(), sale + 1, month.sales()), () -> sell(month, sale + 1));
        } else if (month.to() < market.end()) {
            long next = month.to();
            market.at(next, () -> sellMonth(month.distributor(), month.leader(), next, market.endOfMonth(next)));
        }
    }

    /** The sale's time: the month cut in equal slots, one sale somewhere in each, so the times keep their order. */
    private long timeOf(long from, long to, int sale, int sales) {
        return from + 1 + (long) ((to - from - 1) * (sale + market.fraction(0, 1)) / sales);
    }

    private void buyForOwnUse(int distributor) {
        ListingId product = market.pick(products);
        if (market.ownUseFits(market.price(product))) {
            RefundPolicy.HONOURED.afterPurchase(market, market.supply(distributor, Market.MERCHANT, product, 1));
        }
    }
}
