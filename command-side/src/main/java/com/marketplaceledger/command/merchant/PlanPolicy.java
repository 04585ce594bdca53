package com.marketplaceledger.command.merchant;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What makes a declared plan coherent enough to compute commissions from. It does not judge
 * whether the plan is lawful: a pyramid plan must be recordable, since it is evidence.
 */
final class PlanPolicy {

    private static final int WHOLE = 10_000;

    private PlanPolicy() {
    }

    static void check(CompensationPlan plan) {
        requireDistinctLevels(plan.salesRates(), "plan.salesRates");
        requireDistinctLevels(plan.joiningFeeRates(), "plan.joiningFeeRates");
        requireAtMostWhole(plan.salesRates(), "plan.salesRates", "a sale");
        requireAtMostWhole(plan.joiningFeeRates(), "plan.joiningFeeRates", "a joining fee");
        if (plan.joiningFeeRates().stream().anyMatch(r -> r.level() < 2)) {
            throw RuleViolation.unprocessable("joining-fee-share-to-recruit", "plan.joiningFeeRates",
                    "shares of a joining fee go up the line, from level 2 (the sponsor)");
        }
        if (!plan.joiningFeeRates().isEmpty() && plan.joiningFee() == null) {
            throw RuleViolation.unprocessable("joining-fee-shares-without-fee", "plan.joiningFeeRates",
                    "the plan shares a joining fee but declares none");
        }
        long currencies = Stream.of(plan.referralBonus(), plan.joiningFee())
                .filter(Objects::nonNull).map(Money::currency).distinct().count();
        if (currencies > 1) {
            throw RuleViolation.unprocessable("currency-mix", "plan",
                    "the referral bonus and the joining fee must be in one currency");
        }
    }

    private static void requireDistinctLevels(List<LevelRate> rates, String field) {
        var seen = new HashSet<Integer>();
        for (LevelRate rate : rates) {
            if (!seen.add(rate.level())) {
                throw RuleViolation.unprocessable("duplicate-level", field, "level " + rate.level() + " is given twice");
            }
        }
    }

    private static void requireAtMostWhole(List<LevelRate> rates, String field, String what) {
        int total = rates.stream().mapToInt(LevelRate::basisPoints).sum();
        if (total > WHOLE) {
            throw RuleViolation.unprocessable("rates-exceed-whole", field,
                    "the rates add up to " + total + " basis points: more than " + what + " is worth");
        }
    }
}
