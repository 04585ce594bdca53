package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Penalty;
import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.marketplaceledger.supervision.detection.rules.Facts.AS_OF;
import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class RepeatOffenderTest {

    private final RepeatOffender rule = new RepeatOffender();

    private static Facts penalised(long daysAgo, long peopleSince, int levels) {
        Facts network = network();
        network.levels = levels;
        network.penalty = new Penalty(AS_OF.minusDays(daysAgo), "CASE-CLOSED-1", peopleSince, evidence("EN-1", "EN-2"));
        return network;
    }

    @Test
    void fifteen_recruits_in_three_levels_365_days_after_a_penalty_fire() {
        assertThat(judge(rule, penalised(365, 15, 3).facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("daysSincePenalty", BigDecimal.valueOf(365), "days", "<=", BigDecimal.valueOf(365)),
                    new Measurement("peopleSincePenalty", BigDecimal.valueOf(15), "people", ">=", BigDecimal.valueOf(15)),
                    new Measurement("levels", BigDecimal.valueOf(3), "levels", ">=", BigDecimal.valueOf(3)),
                    new Measurement("peopleSincePenaltyForSerious", BigDecimal.valueOf(15), "people", ">=", BigDecimal.valueOf(60)));
            assertThat(english(finding.reason())).isEqualTo("An organiser penalised on 2025-03-31, 365 days ago, has since recruited "
                    + "15 people into a network of 3 levels, below the serious mark of 60 people");
        });
    }

    @Test
    void a_penalty_366_days_ago_is_outside_the_lookback() {
        assertThat(judge(rule, penalised(366, 100, 5).facts())).isEmpty();
    }

    @Test
    void a_penalty_after_the_day_judged_is_not_yet_known() {
        assertThat(judge(rule, penalised(-1, 100, 5).facts())).isEmpty();
    }

    @Test
    void fourteen_recruits_do_not_fire() {
        assertThat(judge(rule, penalised(10, 14, 5).facts())).isEmpty();
    }

    @Test
    void two_levels_do_not_fire() {
        assertThat(judge(rule, penalised(10, 100, 2).facts())).isEmpty();
    }

    @Test
    void no_earlier_penalty_does_not_fire() {
        Facts network = network();
        network.levels = 10;

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void sixty_recruits_reach_the_serious_mark_and_the_reason_says_so() {
        Finding finding = judge(rule, penalised(0, 60, 3).facts()).get(0);

        assertThat(english(finding.reason())).endsWith("reaching the serious mark of 60 people");
    }

    @Test
    void the_closed_case_comes_first_in_the_evidence_then_who_joined_since() {
        Evidence evidence = judge(rule, penalised(0, 15, 3).facts()).get(0).evidence();

        assertThat(evidence).isEqualTo(evidence("CASE-CLOSED-1", "EN-1", "EN-2"));
    }
}
