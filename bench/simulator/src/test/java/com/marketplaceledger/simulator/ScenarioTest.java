package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.Identifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void theSameKindSeedAndSizeGiveByteIdenticalOutput(ScenarioKind kind) {
        Generated first = Generated.of(kind, 7, 60);
        Generated again = Generated.of(kind, 7, 60);

        assertThat(again.lines()).isEqualTo(first.lines());
        assertThat(again.truth()).isEqualTo(first.truth());
    }

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void differentSeedsGiveDifferentMarketplaces(ScenarioKind kind) {
        // the merchant id and the start month come from the seed, so they are masked: the business itself must differ
        List<String> one = masked(Generated.of(kind, 1, 40));
        List<String> two = masked(Generated.of(kind, 2, 40));

        assertThat(two).isNotEqualTo(one);
    }

    @Test
    void merchantIdsNameKindSeedAndSizeWithinTheIdRules() {
        assertThat(Scenario.of(ScenarioKind.ENTRY_FEE_PYRAMID, 7, 40).merchantId().value())
                .isEqualTo("SIM-ENTRY_FEE_PYRAMID-7-40");
        assertThat(new Scenario(ScenarioKind.BRANCH_STAKE, 7, 40, 6).merchantId().value())
                .isEqualTo("SIM-BRANCH_STAKE-7-40-M6");
        String longest = new Scenario(ScenarioKind.LICENSED_DIRECT_SELLER, Long.MIN_VALUE, Integer.MAX_VALUE,
                Scenario.MAX_MONTHS).merchantId().value();
        assertThat(longest).matches(Identifiers.PATTERN);
    }

    @Test
    void theStartMonthComesFromTheSeedBetweenJanuary2025AndJune2026() {
        var months = new HashSet<YearMonth>();
        for (long seed = -50; seed < 450; seed++) {
            YearMonth start = Scenario.of(ScenarioKind.MLM_RETAIL, seed, 20).startMonth();
            assertThat(start).isBetween(YearMonth.of(2025, 1), YearMonth.of(2026, 6));
            assertThat(Scenario.of(ScenarioKind.DEEP_TEAM_PAY, seed, 900).startMonth()).isEqualTo(start);
            months.add(start);
        }
        assertThat(months).hasSize(18);
    }

    @Test
    void theWindowIsWholeCalendarMonthsInUtc() {
        var scenario = new Scenario(ScenarioKind.HONEST_RETAILER, 3, 20, 4);
        YearMonth start = scenario.startMonth();

        assertThat(scenario.start()).hasToString(start.atDay(1) + "T00:00:00Z");
        assertThat(scenario.end()).hasToString(start.plusMonths(4).atDay(1) + "T00:00:00Z");
    }

    @Test
    void sizesAndMonthsOutsideTheGuaranteedRangeAreRefused() {
        assertThatThrownBy(() -> Scenario.of(ScenarioKind.MLM_RETAIL, 1, Scenario.MIN_SIZE - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size must be at least 20");
        assertThatThrownBy(() -> new Scenario(ScenarioKind.MLM_RETAIL, 1, 40, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("months");
        assertThatThrownBy(() -> new Scenario(null, 1, 40, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> masked(Generated generated) {
        String id = generated.scenario().merchantId().value();
        return generated.lines().stream().skip(1)
                .map(line -> line.replace(id, "M").replaceAll("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"T\""))
                .toList();
    }
}
