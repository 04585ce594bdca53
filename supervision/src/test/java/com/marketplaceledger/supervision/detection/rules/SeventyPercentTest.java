package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Reorder;
import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class SeventyPercentTest {

    private final SeventyPercent rule = new SeventyPercent();

    private static Reorder reorder(String id, long bought, long sold, boolean commissioned) {
        return new Reorder("D-1", id, Instant.parse("2026-03-01T00:00:00Z"), bought, sold, commissioned);
    }

    /** Reorders that paid bonuses, this many after selling 69 of 100 units, the rest after selling 70. */
    private static Facts commissioned(int offending, int total) {
        Facts network = network();
        for (int i = 1; i <= total; i++) {
            network.reorders.add(reorder("O-" + i, 100, i <= offending ? 69 : 70, true));
        }
        return network;
    }

    @Test
    void three_of_twelve_bonused_reorders_before_70_percent_sold_fire() {
        assertThat(judge(rule, commissioned(3, 12).facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("offendingReorders", BigDecimal.valueOf(3), "reorders", ">=", BigDecimal.valueOf(3)),
                    new Measurement("offendingShare", new BigDecimal("0.2500"), "share", ">=", new BigDecimal("0.2500")),
                    new Measurement("commissionedReorders", BigDecimal.valueOf(12), "reorders", null, null),
                    new Measurement("lowestSoldThrough", new BigDecimal("0.6900"), "share", "<", new BigDecimal("0.7000")));
            assertThat(finding.evidence()).isEqualTo(evidence("O-1", "O-2", "O-3"));
            assertThat(english(finding.reason())).isEqualTo(
                    "3 of 12 reorders that paid bonuses (25%) were made before the buyer had sold 70% of the units bought earlier");
        });
    }

    @Test
    void thousands_of_offending_reorders_show_the_first_thousand_and_count_them_all() {
        assertThat(judge(rule, commissioned(5_000, 5_000).facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements().get(0).value()).isEqualByComparingTo("5000");
            assertThat(finding.evidence().eventIds()).hasSize(Evidence.MOST).startsWith("O-1", "O-2").endsWith("O-1000");
            assertThat(finding.evidence().total()).isEqualTo(5_000);
        });
    }

    @Test
    void three_of_thirteen_is_under_a_quarter_and_does_not_fire() {
        assertThat(judge(rule, commissioned(3, 13).facts())).isEmpty();
    }

    @Test
    void two_offending_reorders_are_too_few_even_as_the_whole() {
        assertThat(judge(rule, commissioned(2, 2).facts())).isEmpty();
    }

    @Test
    void reorders_that_paid_no_bonus_do_not_count() {
        Facts network = commissioned(3, 12);
        for (int i = 1; i <= 10; i++) {
            network.reorders.add(reorder("N-" + i, 100, 0, false));
        }

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(finding.evidence().total()).isEqualTo(3);
        assertThat(Facts.measurement(finding, "commissionedReorders").value()).isEqualTo(BigDecimal.valueOf(12));
    }
}
