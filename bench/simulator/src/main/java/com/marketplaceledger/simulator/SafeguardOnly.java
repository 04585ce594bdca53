package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.List;

/**
 * A single-level shop whose sales agents are paid 15 to 25 % of their own retail sales (within
 * the cap of 直销管理条例 art. 24), nobody on anyone else's, and no agent recruits: every one
 * joins as a root. Its one failing is the safeguard of art. 25: returns asked for inside the
 * 30-day window are mostly refused, and agents' returns of goods they bought always. A failed
 * safeguard alone makes no pyramid.
 */
final class SafeguardOnly implements Economy {

    @Override
    public void open(Market market) {
        int ownSaleRate = market.between(15, 25) * 100;
        market.declare(new CompensationPlan(List.of(new LevelRate(1, ownSaleRate)), null, null, List.of(), null,
                30, market.between(18, 20) * 500));
        var sellers = new RetailSellers(market, Catalogue.publishProducts(market, 3), RefundPolicy.REFUSING);
        // the first agents sell at once and have a refund asked for, so a refusal happens in every shop
        new Recruitment(market, Recruitment.Growth.STEADY, recruit -> Market.ROOT, null,
                distributor -> sellers.joined(distributor, distributor < Recruitment.FOUNDERS)).start();
    }
}
