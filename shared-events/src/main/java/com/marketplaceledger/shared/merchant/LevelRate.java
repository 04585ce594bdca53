package com.marketplaceledger.shared.merchant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A rate paid to the beneficiary at {@code level}: level 1 is the distributor whose sale, purchase
 * or enrolment it is, level 2 its sponsor, and so on up the line. In basis points (1/100 %).
 */
public record LevelRate(@Min(1) @Max(100) int level, @Min(0) @Max(10_000) int basisPoints) {
}
