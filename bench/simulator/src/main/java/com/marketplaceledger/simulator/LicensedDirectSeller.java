package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.List;

/**
 * A licensed direct seller (直销): members recruit, but pay is single-level, 15 to 25 % of the
 * seller's own retail sales (under the 30 % cap with room to spare), and stock is bought back
 * at 90 % or more.
 */
final class LicensedDirectSeller implements Economy {

    @Override
    public void open(Market market) {
        int ownSaleRate = market.between(15, 25) * 100;
        int buyback = market.between(18, 20) * 500;
        market.declare(new CompensationPlan(List.of(new LevelRate(1, ownSaleRate)), null, null, List.of(), null,
                30, buyback));
        var sellers = new RetailSellers(market, Catalogue.publishProducts(market, 3), RefundPolicy.HONOURED);
        new Recruitment(market, Recruitment.Growth.STEADY,
                Sponsors.foundersChainThen(Sponsors.broad(market, 0.3)), null,
                distributor -> sellers.joined(distributor, distributor < Recruitment.FOUNDERS)).start();
    }
}
