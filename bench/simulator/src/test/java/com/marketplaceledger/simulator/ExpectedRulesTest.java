package com.marketplaceledger.simulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ground truth holds in what is generated: over many seeds, sizes and lengths, an independent
 * evaluation of the rules (RuleOracle) fires every expected rule and nothing outside the
 * tolerated ones; honest kinds keep clear margins from every threshold.
 */
class ExpectedRulesTest {

    private static final List<Integer> SIZES = List.of(20, 21, 25, 29, 33, 47, 64, 80, 119, 150, 400);

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void expectedRulesFireAndNothingButTheToleratedBesides(ScenarioKind kind) {
        for (int months : List.of(1, 3, 6)) {
            for (int seed = 1; seed <= 20; seed++) {
                for (int size : SIZES) {
                    var scenario = new Scenario(kind, seed, size, months);
                    Generated generated = Generated.of(scenario);
                    Set<String> fired = generated.oracle().fired();

                    assertThat(generated.truth().missing(fired)).as("missing in %s", scenario).isEmpty();
                    assertThat(generated.truth().unexpected(fired)).as("false alarms in %s", scenario).isEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ScenarioKind.class,
            names = {"HONEST_RETAILER", "LICENSED_DIRECT_SELLER", "MLM_RETAIL", "US_COMPLIANT_MLM", "LICENSED_AT_CAP"})
    void honestKindsStayClearOfEveryThreshold(ScenarioKind kind) {
        for (int months : List.of(1, 3)) {
            for (int seed = 1; seed <= 20; seed++) {
                for (int size : List.of(20, 80, 400)) {
                    var scenario = new Scenario(kind, seed, size, months);
                    RuleOracle oracle = Generated.of(scenario).oracle();

                    assertThat(oracle.minMonthlyRetailShare()).as("monthly retail share (> 50 %%) in %s", scenario)
                            .isGreaterThanOrEqualTo(0.85);
                    assertThat(oracle.companyRetailShare()).as("company retail share (>= 80 %%) in %s", scenario)
                            .isGreaterThanOrEqualTo(0.90);
                    assertThat(oracle.refusedInWindow()).as("refusals inside the window in %s", scenario).isZero();
                    assertThat(oracle.refusedParticipantRequests()).isZero();
                    assertThat(oracle.unansweredRequests()).isZero();
                    assertThat(oracle.commissionedReorders()).as("reorders in %s", scenario).isZero();
                    assertThat(oracle.gate()).isFalse();
                    // multi-level plans pay uplines with no retail of their own; the cap kind sits on the 30 % itself
                    if (kind == ScenarioKind.LICENSED_AT_CAP) {
                        assertThat(oracle.maxPayShareOfOwnRetail()).as("pay share at the cap in %s", scenario)
                                .isEqualTo(0.30);
                    } else if (kind != ScenarioKind.MLM_RETAIL && kind != ScenarioKind.US_COMPLIANT_MLM) {
                        assertThat(oracle.maxPayShareOfOwnRetail()).as("pay share (<= 30 %%) in %s", scenario)
                                .isLessThanOrEqualTo(0.25);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ScenarioKind.class, names = {"DEEP_TEAM_PAY", "INVENTORY_LOADING"})
    void loadingKindsOffendOnEveryCommissionedReorder(ScenarioKind kind) {
        for (int seed = 1; seed <= 20; seed++) {
            RuleOracle oracle = Generated.of(kind, seed, 20).oracle();

            assertThat(oracle.offendingReorders()).isGreaterThanOrEqualTo(6).isEqualTo(oracle.commissionedReorders());
            assertThat(oracle.companyRetailShare()).isLessThanOrEqualTo(0.30);
        }
    }

}
