package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Measurements as the rules state them: the value, how it is compared, the threshold; and the
 * numbers of their reasons written alike. Shares are fractions, so thresholds given in basis
 * points are shown as fractions too (3000 as 0.3000) and a regulator compares like with like.
 */
final class Measurements {

    /** Money is summed over currencies in minor units, so its unit cannot name one currency. */
    static final String MINOR_UNITS = "minor units";
    private static final String SHARE = "share";

    private Measurements() {
    }

    static Measurement atLeast(String name, long value, String unit, long threshold) {
        return new Measurement(name, BigDecimal.valueOf(value), unit, ">=", BigDecimal.valueOf(threshold));
    }

    static Measurement compared(String name, long value, String unit, String comparison, long threshold) {
        return new Measurement(name, BigDecimal.valueOf(value), unit, comparison, BigDecimal.valueOf(threshold));
    }

    static Measurement compared(String name, BigDecimal value, String unit, String comparison, BigDecimal threshold) {
        return new Measurement(name, value, unit, comparison, threshold);
    }

    /** A share against a threshold given in basis points. */
    static Measurement shareCompared(String name, BigDecimal share, String comparison, long thresholdBasisPoints) {
        return new Measurement(name, share, SHARE, comparison, fraction(thresholdBasisPoints));
    }

    static Measurement context(String name, long value, String unit) {
        return new Measurement(name, BigDecimal.valueOf(value), unit, null, null);
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

    /** A number with its noun for a reason: "1 payment", "3 payments". */
    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** Minor units as an amount for a reason, two decimals (fen, cents): 123456 is "1,234.56". */
    static String money(long minorUnits) {
        return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(minorUnits, 2));
    }
}
