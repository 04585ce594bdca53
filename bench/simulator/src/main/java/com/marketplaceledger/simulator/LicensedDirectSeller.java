package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.List;

/**
 * A licensed direct seller (直销): members recruit, but pay is single-level, on the seller's own
 * retail sales only, and stock is bought back at 90 % or more. 直销管理条例 (2005) art. 24: pay
 * is computed on the seller's own sales to consumers only and may not exceed 30 % of them.
 */
final class LicensedDirectSeller implements Economy {

    /** How close to the cap the plan pays. */
    enum Pay {
        /** 15 to 25 % of own retail: room to spare. */
        UNDER_CAP,
        /** Exactly 30 %: the cap is "more than 30 %", so the boundary itself is allowed. */
        AT_CAP
    }

    static final int CAP_BASIS_POINTS = 3000;

    private final Pay pay;

    LicensedDirectSeller(Pay pay) {
        this.pay = pay;
    }

    @Override
    public void open(Market market) {
        int ownSaleRate = pay == Pay.AT_CAP ? CAP_BASIS_POINTS : market.between(15, 25) * 100;
        int buyback = market.between(18, 20) * 500;
        market.declare(new CompensationPlan(List.of(new LevelRate(1, ownSaleRate)), null, null, List.of(), null,
                30, buyback));
        var sellers = new RetailSellers(market, Catalogue.publishProducts(market, 3), RefundPolicy.HONOURED);
        new Recruitment(market, Recruitment.Growth.STEADY,
                Sponsors.foundersChainThen(Sponsors.broad(market, 0.3)), null,
                distributor -> sellers.joined(distributor, distributor < Recruitment.FOUNDERS)).start();
    }
}
