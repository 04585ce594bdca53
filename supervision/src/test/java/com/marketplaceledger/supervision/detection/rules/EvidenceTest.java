package com.marketplaceledger.supervision.detection.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceTest {

    @Test
    void combiningKeepsTheIdsInOrderWithoutRepeatsAndAddsTheTotals() {
        var combined = new Evidence(List.of("e1", "e2"), 2).and(new Evidence(List.of("e2", "e3"), 5));

        assertThat(combined.eventIds()).containsExactly("e1", "e2", "e3");
        assertThat(combined.total()).isEqualTo(7);
    }

    @Test
    void combiningThousandsOfFactsKeepsTheFirstThousandIdsAndCountsThemAll() {
        Evidence all = IntStream.range(0, 5_000)
                .mapToObj(i -> new Evidence(List.of("e" + i), 1))
                .reduce(Evidence.NONE, Evidence::and);

        assertThat(all.eventIds()).hasSize(Evidence.MOST).startsWith("e0", "e1").endsWith("e999");
        assertThat(all.total()).isEqualTo(5_000);
    }

    @Test
    void aGathererKeepsTheFirstThousandIdsWithoutRepeatsAndCountsEveryEventButTheNulls() {
        var gatherer = new Evidence.Gatherer();
        gatherer.add(new Evidence(List.of("e0", "e1"), 2));
        gatherer.add((String) null);
        IntStream.range(1, 5_000).forEach(i -> gatherer.add("e" + i));

        Evidence all = gatherer.evidence();
        assertThat(all.eventIds()).hasSize(Evidence.MOST).startsWith("e0", "e1", "e2").endsWith("e999");
        assertThat(all.total()).isEqualTo(2 + 4_999);
    }
}
