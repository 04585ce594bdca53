package com.marketplaceledger.query.accounts;

import com.marketplaceledger.shared.commission.CommissionBasis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One party's money in one currency, in minor units. {@code received} adds up sales, fees
 * received, commissions, recovered reversals and refunds received; {@code paid} purchases, fees
 * paid, commissions paid, reversals and refunds paid; {@code net} is received minus paid.
 */
public record AccountFigures(
        String currency,
        long purchases,
        long retailSales,
        long internalConsumption,
        long joiningFeesPaid,
        long joiningFeesReceived,
        Map<CommissionBasis, Long> commissions,
        long commissionsPaid,
        long reversals,
        long reversalsRecovered,
        long refundsPaid,
        long refundsReceived,
        long received,
        long paid,
        long net) {

    static AccountFigures of(String currency, Map<EntryKind, Long> sums) {
        var commissions = new EnumMap<CommissionBasis, Long>(CommissionBasis.class);
        for (CommissionBasis basis : CommissionBasis.values()) {
            commissions.put(basis, sums.getOrDefault(EntryKind.commission(basis), 0L));
        }
        long received = 0;
        long paid = 0;
        for (var sum : sums.entrySet()) {
            if (sum.getKey().received()) {
                received = Math.addExact(received, sum.getValue());
            } else {
                paid = Math.addExact(paid, sum.getValue());
            }
        }
        return new AccountFigures(currency,
                sums.getOrDefault(EntryKind.PURCHASE, 0L),
                sums.getOrDefault(EntryKind.RETAIL_SALE, 0L),
                sums.getOrDefault(EntryKind.INTERNAL_SALE, 0L),
                sums.getOrDefault(EntryKind.JOINING_FEE_PAID, 0L),
                sums.getOrDefault(EntryKind.JOINING_FEE_RECEIVED, 0L),
                Collections.unmodifiableMap(commissions),
                sums.getOrDefault(EntryKind.COMMISSION_PAID, 0L),
                sums.getOrDefault(EntryKind.REVERSAL, 0L),
                sums.getOrDefault(EntryKind.REVERSAL_RECOVERED, 0L),
                sums.getOrDefault(EntryKind.REFUND_PAID, 0L),
                sums.getOrDefault(EntryKind.REFUND_RECEIVED, 0L),
                received, paid, Math.subtractExact(received, paid));
    }
}
