package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.List;

/**
 * 囤货: members buy stock in batches of 20 to 60 units, again and again, and every purchase pays
 * the two levels above; each member sells only 10 to 30 % of what it bought to customers.
 */
final class InventoryLoading implements Economy {

    private Market market;

    @Override
    public void open(Market market) {
        this.market = market;
        market.declare(new CompensationPlan(
                List.of(new LevelRate(2, market.between(8, 10) * 100), new LevelRate(3, market.between(3, 5) * 100)),
                null, null, List.of(), null, 30, market.between(18, 20) * 500));
        List<ListingId> products = Catalogue.publishProducts(market, 2);
        new Recruitment(market, Recruitment.Growth.STEADY,
                Sponsors.foundersChainThen(Sponsors.broad(market, 0.1)), null,
                distributor -> joined(distributor, market.pick(products))).start();
    }

    private void joined(int distributor, ListingId product) {
        boolean founder = distributor < Recruitment.FOUNDERS;
        int batches = founder ? 3 : market.between(2, 4);
        double sellThrough = market.fraction(0.10, 0.30);
        long first = founder ? market.inDays(0.5, 1) : market.inDays(1, 4);
        market.at(first, () -> restock(new Member(distributor, product, sellThrough, founder), batches));
    }

    /** A member's own line and how much of its stock it manages to sell. */
    private record Member(int distributor, ListingId product, double sellThrough, boolean founder) {
    }

    private void restock(Member member, int remaining) {
        market.supply(member.distributor(), Market.MERCHANT, member.product(), market.between(20, 60));
        market.at(market.inDays(2, 5), () -> sell(member));
        if (remaining > 1) {
            long next = member.founder() ? market.inDays(6, 9) : market.inDays(12, 25);
            market.at(next, () -> restock(member, remaining - 1));
        }
    }

    /** A few units to a customer, within the member's sell-through and a month's retail of at most 30 % of purchases. */
    private void sell(Member member) {
        int room = (int) (member.sellThrough() * market.unitsBought(member.distributor()))
                - market.unitsSold(member.distributor());
        int quantity = Math.min(market.between(1, 5), room);
        if (quantity < 1 || !market.retailFits(quantity * market.price(member.product()), 30)) {
            return;
        }
        market.sell(member.distributor(), member.product(), quantity);
        if (market.chance(0.5)) {
            market.at(market.inDays(2, 5), () -> sell(member));
        }
    }
}
