package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.List;

/**
 * A multi-level plan that lives on retail: 20 % to the seller, 5 % and 3 % to the two levels
 * above, members selling to end customers. With {@link RefundPolicy#HONOURED} it passes the
 * retail tests (team pay is its only finding); with {@link RefundPolicy#REFUSING} it refuses
 * refunds inside the window and buys back at most half of the cost.
 */
final class MlmRetail implements Economy {

    private final RefundPolicy refunds;

    MlmRetail(RefundPolicy refunds) {
        this.refunds = refunds;
    }

    @Override
    public void open(Market market) {
        int buyback = refunds == RefundPolicy.HONOURED ? market.between(18, 20) * 500 : market.between(0, 10) * 500;
        market.declare(new CompensationPlan(
                List.of(new LevelRate(1, 2000), new LevelRate(2, 500), new LevelRate(3, 300)), null, null, List.of(),
                null, 30, buyback));
        var sellers = new RetailSellers(market, Catalogue.publishProducts(market, 3), refunds);
        // D-2 to D-4 sell from their first days: the upline pay that is this plan's finding happens in every network
        new Recruitment(market, Recruitment.Growth.STEADY,
                Sponsors.foundersChainThen(Sponsors.broad(market, 0.25)), null,
                distributor -> sellers.joined(distributor, distributor > 0 && distributor < Recruitment.FOUNDERS)).start();
    }
}
