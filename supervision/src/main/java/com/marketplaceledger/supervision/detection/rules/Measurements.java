package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * Measurements as the rules state them: the value, how it is compared, the threshold; and the
 * figures of their reasons written alike. Shares are fractions, so thresholds given in basis
 * points are shown as fractions too (3000 as 0.3000) and a regulator compares like with like.
 * Names and units are codes, read in the regulator's language from the message bundles.
 */
final class Measurements {

    /** Money is summed over currencies in minor units, so its unit cannot name one currency. */
    static final String MINOR_UNITS = "minor units";
    private static final String SHARE = "share";

    /**
     * Every measurement name and unit a rule can state. Others are refused, so no measurement
     * reaches a regulator without a name in both languages (the bundles' tests hold these to it).
     */
    static final Set<String> NAMES = Set.of(
            "collectedFromParticipants", "commissionedReorders", "daysSincePenalty", "deniedRefunds",
            "distributorsOverCap", "earnersBelowMinCustomers", "earnersWithPerformancePay", "entryAmount",
            "entryPayments", "fewestCustomers", "gatePlans", "gateWindowDays", "gatePurchases", "headcountPayAmount", "headcountPayments",
            "inferredGateCommissions", "inferredGatePayments", "inferredGatePurchases", "inferredGateRecruits",
            "inferredGateShare", "inferredGates", "joiningFees", "levels", "lowestSoldThrough", "offendingReorders", "offendingShare", "participantPurchaseShare", "participantPurchases",
            "people", "peopleSincePenalty", "peopleSincePenaltyForSerious", "planBuybackRate", "productInternal",
            "productRetail", "productRevenue", "refundRequestsInWindow", "refusedRefunds", "refusedReturns", "retail",
            "retailShare", "retailShareOfProductRevenue", "revenue", "shareBelowMinCustomers", "teamPay", "teamPayAmount",
            "teamPayments", "unansweredRefunds", "worstOwnRetail", "worstPay", "worstPayShare");
    static final Set<String> UNITS = Set.of(
            "CNY", "customers", "days", "distributors", "levels", "listings", MINOR_UNITS, "payments", "people", "plans", "refunds",
            "reorders", SHARE);

    private Measurements() {
    }

    static Measurement atLeast(String name, long value, String unit, long threshold) {
        return measurement(name, BigDecimal.valueOf(value), unit, ">=", BigDecimal.valueOf(threshold));
    }

    static Measurement compared(String name, long value, String unit, String comparison, long threshold) {
        return measurement(name, BigDecimal.valueOf(value), unit, comparison, BigDecimal.valueOf(threshold));
    }

    static Measurement compared(String name, BigDecimal value, String unit, String comparison, BigDecimal threshold) {
        return measurement(name, value, unit, comparison, threshold);
    }

    /** A share against a threshold given in basis points. */
    static Measurement shareCompared(String name, BigDecimal share, String comparison, long thresholdBasisPoints) {
        return measurement(name, share, SHARE, comparison, fraction(thresholdBasisPoints));
    }

    static Measurement context(String name, long value, String unit) {
        return measurement(name, BigDecimal.valueOf(value), unit, null, null);
    }

    private static Measurement measurement(String name, BigDecimal value, String unit, String comparison,
                                           BigDecimal threshold) {
        if (!NAMES.contains(name) || !UNITS.contains(unit)) {
            throw new IllegalArgumentException("measurement " + name + " in " + unit + " has no name or unit in the "
                    + "message bundles: add it to Measurements.NAMES or UNITS and to both bundles");
        }
        return new Measurement(name, value, unit, comparison, threshold);
    }

    /** {@code part / whole} to four decimal places; zero when there is no whole. */
    static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

    /**
     * {@code part / whole} as held against a threshold by {@code comparison}. A strict comparison
     * rounds towards the side that fires, since thresholds lie on the four-decimal grid: pay of
     * 30.004% reads 0.3001 > 0.3000, never 0.3000 > 0.3000.
     */
    static BigDecimal share(long part, long whole, String comparison) {
        RoundingMode rounding = switch (comparison) {
            case ">" -> RoundingMode.CEILING;
            case "<" -> RoundingMode.FLOOR;
            default -> RoundingMode.HALF_EVEN;
        };
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, rounding);
    }

    /** Basis points as a fraction with four decimals: 3000 is 0.3000. */
    static BigDecimal fraction(long basisPoints) {
        return BigDecimal.valueOf(basisPoints, 4);
    }

    /** A fraction as a percentage for a reason: 0.6234 is "62.34%", 0.3000 is "30%". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Minor units as an amount for a reason, two decimals (fen, cents): 123456 is "1,234.56". */
    static String money(long minorUnits) {
        return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(minorUnits, 2));
    }
}
