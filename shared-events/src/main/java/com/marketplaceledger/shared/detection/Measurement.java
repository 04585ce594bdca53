package com.marketplaceledger.shared.detection;

import java.math.BigDecimal;

/**
 * One measured value beside the threshold it was held against. Money is in minor units of the
 * currency named by {@code unit}; shares are fractions between 0 and 1.
 *
 * @param comparison how the value fires the rule against the threshold: {@code >=}, {@code >},
 *                   {@code <=} or {@code <}; null, with the threshold, for context values
 */
public record Measurement(String name, BigDecimal value, String unit, String comparison, BigDecimal threshold) {
}
