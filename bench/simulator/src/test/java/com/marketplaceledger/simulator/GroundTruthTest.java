package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.sale.RecordSale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GroundTruthTest {

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void countingMatchesTheGeneratedTree(ScenarioKind kind) {
        for (int seed = 1; seed <= 5; seed++) {
            for (int size : List.of(20, 100)) {
                Generated generated = Generated.of(kind, seed, size);
                GroundTruth truth = generated.truth();
                RuleOracle tree = generated.oracle();
                int deepest = tree.uplines().values().stream().mapToInt(upline -> upline.size() + 1).max().orElse(0);

                assertThat(truth.participants()).isEqualTo(tree.participants())
                        .isEqualTo(kind == ScenarioKind.HONEST_RETAILER ? 0 : size);
                assertThat(truth.people()).isEqualTo(truth.participants() + 1);
                assertThat(truth.levels()).as("levels with the merchant").isEqualTo(deepest + 1);
                assertThat(truth.joiningFees().minorUnits()).isEqualTo(tree.joiningFees());
                assertThat(truth.participantPurchases().minorUnits()).isEqualTo(tree.participantPurchases());
                assertThat(truth.gate()).isEqualTo(tree.gate());
                assertThat(truth.headcountPay()).isEqualTo(tree.headcountPay());
                assertThat(truth.commands()).isEqualTo(generated.commands().size());
            }
        }
    }

    @Test
    void theFoundersChainAloneMakesFiveLevelsAndTheMerchantAloneIsOne() {
        // D-1 → D-2 → D-3 → D-4 is four distributor levels, five with the merchant
        GroundTruth truth = Scenario.of(ScenarioKind.ENTRY_FEE_PYRAMID, 1, 20).groundTruth();

        assertThat(truth.levels()).isGreaterThanOrEqualTo(5);
        assertThat(Scenario.of(ScenarioKind.HONEST_RETAILER, 1, 20).groundTruth().levels())
                .as("the merchant alone").isEqualTo(1);
    }

    @Test
    void criminalScaleStartsAtThirtyPeopleAndSeriousAtOneHundredAndTwenty() {
        // entry fees of CNY 3,980: 118 recruits pay CNY 469,640, far from CNY 2,500,000, so people decide
        assertThat(expected(ScenarioKind.ENTRY_FEE_PYRAMID, 28)).doesNotContain("CN-CRIMINAL-SCALE", "CN-SERIOUS");
        assertThat(expected(ScenarioKind.ENTRY_FEE_PYRAMID, 29)).contains("CN-CRIMINAL-SCALE")
                .doesNotContain("CN-SERIOUS");
        assertThat(expected(ScenarioKind.ENTRY_FEE_PYRAMID, 118)).doesNotContain("CN-SERIOUS");
        assertThat(expected(ScenarioKind.ENTRY_FEE_PYRAMID, 119)).contains("CN-CRIMINAL-SCALE", "CN-SERIOUS");
        assertThat(expected(ScenarioKind.PAY_PER_RECRUIT, 119)).contains("CN-CRIMINAL-SCALE", "CN-SERIOUS");
        assertThat(expected(ScenarioKind.DEEP_TEAM_PAY, 500)).as("no fee, no headcount pay")
                .doesNotContain("CN-CRIMINAL-SCALE", "CN-SERIOUS");
    }

    @Test
    void branchStakesMakeItSeriousByMoneyFromTwentyFiveStakes() {
        int byMoney = 0;
        for (int seed = 1; seed <= 30; seed++) {
            Generated generated = Generated.of(ScenarioKind.BRANCH_STAKE, seed, 80);
            long stakes = stakesSold(generated);
            assertThat(generated.truth().expectedRules().contains("CN-SERIOUS")).as("seed %d, %d stakes", seed, stakes)
                    .isEqualTo(stakes >= 25);
            byMoney += stakes >= 25 ? 1 : 0;
        }
        assertThat(byMoney).as("scenarios serious by money alone (80 participants)").isPositive();
    }

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void pyramidIsPredictedByExactlyThePyramidIndicators(ScenarioKind kind) {
        GroundTruth truth = Scenario.of(kind, 1, 200).groundTruth();
        Set<String> indicators = Arrays.stream(Rule.values()).filter(Rule::pyramidIndicator).map(Rule::id)
                .collect(Collectors.toSet());

        assertThat(truth.pyramid()).isEqualTo(kind.pyramid())
                .isEqualTo(truth.expectedRules().stream().anyMatch(indicators::contains));
        if (!truth.pyramid()) {
            assertThat(truth.toleratedRules()).noneMatch(indicators::contains);
        }
        assertThat(truth.toleratedRules()).noneMatch(truth.expectedRules()::contains);
    }

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void aKindSpeaksOnlyOfItsJurisdictionsRules(ScenarioKind kind) {
        GroundTruth truth = Scenario.of(kind, 1, 200).groundTruth();
        Set<String> ofJurisdiction = Arrays.stream(Rule.values()).filter(r -> r.jurisdiction().equals(kind.jurisdiction()))
                .map(Rule::id).collect(Collectors.toSet());

        assertThat(truth.expectedRules()).isSubsetOf(ofJurisdiction);
        assertThat(truth.toleratedRules()).isSubsetOf(ofJurisdiction);
    }

    @Test
    void aUsPyramidReachesNoChineseScaleRuleThoughItHasAGateAndPayPerHead() {
        GroundTruth truth = Scenario.of(ScenarioKind.US_PYRAMID, 1, 200).groundTruth();

        assertThat(truth.gate()).isTrue();
        assertThat(truth.headcountPay()).isTrue();
        assertThat(truth.expectedRules()).containsExactly("US-KOSCOT", "US-RETAIL-SHARE");
    }

    @Test
    void aGateFoundFromBehaviourBringsTheScaleRulesUnlessTheKindOnlyToleratesThem() {
        assertThat(expected(ScenarioKind.STARTER_KIT_AS_PRODUCT, 28)).doesNotContain("CN-CRIMINAL-SCALE");
        assertThat(expected(ScenarioKind.STARTER_KIT_AS_PRODUCT, 119)).contains("CN-ENTRY-FEE", "CN-HEADCOUNT-PAY",
                "CN-CRIMINAL-SCALE", "CN-SERIOUS");
        int loadedLikeAGate = 0;
        // 41 people in 5 levels and more: were the gate required, so would CN-CRIMINAL-SCALE be
        for (int seed = 1; seed <= 20; seed++) {
            GroundTruth truth = Scenario.of(ScenarioKind.INVENTORY_LOADING, seed, 40).groundTruth();
            loadedLikeAGate += truth.gate() ? 1 : 0;
            assertThat(truth.expectedRules()).doesNotContain("CN-ENTRY-FEE", "CN-CRIMINAL-SCALE", "CN-SERIOUS");
            assertThat(truth.toleratedRules()).contains("CN-ENTRY-FEE", "CN-HEADCOUNT-PAY", "CN-CRIMINAL-SCALE", "CN-SERIOUS");
        }
        assertThat(loadedLikeAGate).as("inventory loaders whose first batches look like a gate").isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = ScenarioKind.class, names = {"REFUND_REFUSING", "SAFEGUARD_ONLY"})
    void failedSafeguardsAloneMakeNoPyramid(ScenarioKind kind) {
        GroundTruth truth = Scenario.of(kind, 1, 80).groundTruth();

        assertThat(truth.pyramid()).isFalse();
        assertThat(truth.expectedRules()).contains("CN-REFUND");
        assertThat(Rule.CN_REFUND.category()).isEqualTo(Rule.Category.SAFEGUARD);
        assertThat(Rule.US_BUYBACK.category()).isEqualTo(Rule.Category.SAFEGUARD);
        assertThat(Rule.US_TEN_CUSTOMERS.category()).isEqualTo(Rule.Category.SAFEGUARD);
    }

    @Test
    void firedRulesAreComparedWithExpectedAndTolerated() {
        GroundTruth truth = Scenario.of(ScenarioKind.MLM_RETAIL, 1, 40).groundTruth();

        assertThat(truth.matches(List.of("CN-TEAM-PAY", "CN-DIRECT-SELLING-CAP"))).isTrue();
        assertThat(truth.missing(List.of("CN-DIRECT-SELLING-CAP"))).containsExactly("CN-TEAM-PAY");
        assertThat(truth.unexpected(List.of("CN-TEAM-PAY", "US-TEN-CUSTOMERS"))).as("a US rule on a Chinese network")
                .containsExactly("US-TEN-CUSTOMERS");
        assertThat(truth.unexpected(List.of("CN-TEAM-PAY", "US-KOSCOT"))).containsExactly("US-KOSCOT");
        assertThat(truth.matches(List.of("CN-TEAM-PAY", "US-KOSCOT"))).isFalse();
    }

    private static Set<String> expected(ScenarioKind kind, int size) {
        return Scenario.of(kind, 1, size).groundTruth().expectedRules();
    }

    private static long stakesSold(Generated generated) {
        Set<String> stakes = Set.copyOf(generated.all(PublishListing.class).stream()
                .filter(l -> l.kind() == ListingKind.BRANCH_STAKE).map(l -> l.listingId().value()).toList());
        return generated.all(RecordSale.class).stream().filter(s -> stakes.contains(s.listingId().value())).count();
    }
}
