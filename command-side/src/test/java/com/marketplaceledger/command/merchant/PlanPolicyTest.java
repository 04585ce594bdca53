package com.marketplaceledger.command.merchant;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.RuleViolation.Kind;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanPolicyTest {

    private static final Money FEE = Money.of(199_900, "CNY");
    private static final Money BONUS = Money.of(50_000, "CNY");

    @Test
    void a_coherent_plan_passes() {
        var plan = plan(List.of(rate(1, 2_000), rate(2, 500), rate(3, 250)), BONUS, FEE,
                List.of(rate(2, 3_000), rate(3, 1_000)));
        assertThatCode(() -> PlanPolicy.check(plan)).doesNotThrowAnyException();
    }

    @Test
    void a_plan_that_pays_nothing_passes() {
        assertThatCode(() -> PlanPolicy.check(plan(List.of(), null, null, List.of()))).doesNotThrowAnyException();
    }

    @Test
    void a_sales_level_given_twice_is_refused() {
        var plan = plan(List.of(rate(1, 1_000), rate(2, 500), rate(2, 300)), null, null, List.of());
        assertViolation(() -> PlanPolicy.check(plan), "duplicate-level", "plan.salesRates", "level 2 is given twice");
    }

    @Test
    void a_joining_fee_level_given_twice_is_refused() {
        var plan = plan(List.of(), null, FEE, List.of(rate(3, 1_000), rate(3, 1_000)));
        assertViolation(() -> PlanPolicy.check(plan), "duplicate-level", "plan.joiningFeeRates", "level 3 is given twice");
    }

    @Test
    void sales_rates_adding_up_to_exactly_the_whole_sale_pass() {
        var plan = plan(List.of(rate(1, 6_000), rate(2, 3_000), rate(3, 1_000)), null, null, List.of());
        assertThatCode(() -> PlanPolicy.check(plan)).doesNotThrowAnyException();
    }

    @Test
    void sales_rates_adding_up_to_more_than_the_sale_are_refused() {
        var plan = plan(List.of(rate(1, 6_000), rate(2, 3_000), rate(3, 1_001)), null, null, List.of());
        assertViolation(() -> PlanPolicy.check(plan), "rates-exceed-whole", "plan.salesRates",
                "the rates add up to 10001 basis points: more than a sale is worth");
    }

    @Test
    void joining_fee_shares_adding_up_to_exactly_the_whole_fee_pass() {
        var plan = plan(List.of(), null, FEE, List.of(rate(2, 5_000), rate(3, 5_000)));
        assertThatCode(() -> PlanPolicy.check(plan)).doesNotThrowAnyException();
    }

    @Test
    void joining_fee_shares_adding_up_to_more_than_the_fee_are_refused() {
        var plan = plan(List.of(), null, FEE, List.of(rate(2, 5_000), rate(3, 5_001)));
        assertViolation(() -> PlanPolicy.check(plan), "rates-exceed-whole", "plan.joiningFeeRates",
                "the rates add up to 10001 basis points: more than a joining fee is worth");
    }

    @Test
    void a_share_of_the_joining_fee_to_the_recruit_itself_is_refused() {
        var plan = plan(List.of(), null, FEE, List.of(rate(1, 1_000), rate(2, 3_000)));
        assertViolation(() -> PlanPolicy.check(plan), "joining-fee-share-to-recruit", "plan.joiningFeeRates",
                "from level 2 (the sponsor)");
    }

    @Test
    void joining_fee_shares_without_a_declared_joining_fee_are_refused() {
        var plan = plan(List.of(), BONUS, null, List.of(rate(2, 3_000)));
        assertViolation(() -> PlanPolicy.check(plan), "joining-fee-shares-without-fee", "plan.joiningFeeRates",
                "the plan shares a joining fee but declares none");
    }

    @Test
    void a_joining_fee_without_shares_passes() {
        assertThatCode(() -> PlanPolicy.check(plan(List.of(rate(1, 1_000)), null, FEE, List.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void a_referral_bonus_and_a_joining_fee_in_different_currencies_are_refused() {
        var plan = plan(List.of(), Money.of(7_000, "USD"), FEE, List.of());
        assertViolation(() -> PlanPolicy.check(plan), "currency-mix", "plan", "in one currency");
    }

    @Test
    void a_referral_bonus_alone_in_any_currency_passes() {
        assertThatCode(() -> PlanPolicy.check(plan(List.of(), Money.of(7_000, "USD"), null, List.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void a_recruitment_only_plan_is_coherent_even_if_it_looks_like_a_pyramid() {
        // the policy checks coherence, not lawfulness: such a plan is evidence and must be recordable
        var plan = plan(List.of(), BONUS, FEE, List.of(rate(2, 5_000), rate(3, 3_000), rate(4, 2_000)));
        assertThatCode(() -> PlanPolicy.check(plan)).doesNotThrowAnyException();
    }

    private static void assertViolation(ThrowingCallable check, String rule, String field, String message) {
        assertThatThrownBy(check)
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.kind()).isEqualTo(Kind.UNPROCESSABLE);
                    assertThat(v.rule()).isEqualTo(rule);
                    assertThat(v.field()).isEqualTo(field);
                })
                .hasMessageContaining(message);
    }

    private static LevelRate rate(int level, int basisPoints) {
        return new LevelRate(level, basisPoints);
    }

    private static CompensationPlan plan(List<LevelRate> salesRates, Money referralBonus, Money joiningFee,
                                         List<LevelRate> joiningFeeRates) {
        return new CompensationPlan(salesRates, referralBonus, joiningFee, joiningFeeRates, null, 30, 0);
    }
}
