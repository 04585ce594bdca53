package com.marketplaceledger.query.regulator;

import com.marketplaceledger.query.accounts.AccountFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A network's revenue in one currency: everything its members and the merchant took in from
 * sales and joining fees, and how much of it came from end customers outside the network.
 * Gross of refunds, which the accounts show beside it. The share is a percentage with two
 * decimals, absent when there is no revenue.
 */
record Headline(String currency, long revenue, long endCustomerRevenue, long internalConsumption,
                long joiningFees, long refunds, BigDecimal endCustomerSharePercent) {

    static Headline of(AccountFigures network) {
        long revenue = Math.addExact(Math.addExact(network.retailSales(), network.internalConsumption()),
                network.joiningFeesReceived());
        BigDecimal share = revenue == 0 ? null : BigDecimal.valueOf(network.retailSales()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(revenue), 2, RoundingMode.HALF_EVEN);
        return new Headline(network.currency(), revenue, network.retailSales(), network.internalConsumption(),
                network.joiningFeesReceived(), network.refundsPaid(), share);
    }
}
