package com.marketplaceledger.supervision.detection;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgementPacingTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aNetworkNeverJudgedIsDue() {
        assertThat(new JudgementPacing(4).due("M-1", T0)).isTrue();
    }

    @Test
    void aNetworkRestsFourTimesAsLongAsItsJudgementTook() {
        var pacing = new JudgementPacing(4);
        pacing.judged("M-1", T0, T0.plusSeconds(2));

        assertThat(pacing.due("M-1", T0.plusSeconds(9))).isFalse();
        assertThat(pacing.due("M-1", T0.plusSeconds(10))).isTrue();
    }

    @Test
    void anotherNetworkDoesNotWaitForIt() {
        var pacing = new JudgementPacing(4);
        pacing.judged("M-1", T0, T0.plusSeconds(2));

        assertThat(pacing.due("M-2", T0.plusSeconds(3))).isTrue();
    }

    @Test
    void aNewJudgementSetsTheNextRestFromItsOwnDuration() {
        var pacing = new JudgementPacing(4);
        pacing.judged("M-1", T0, T0.plusSeconds(2));
        pacing.judged("M-1", T0.plusSeconds(10), T0.plusMillis(10_100));

        assertThat(pacing.due("M-1", T0.plusMillis(10_500))).isTrue();
    }

    @Test
    void restFactorZeroJudgesAtEveryRound() {
        var pacing = new JudgementPacing(0);
        pacing.judged("M-1", T0, T0.plusSeconds(30));

        assertThat(pacing.due("M-1", T0.plusSeconds(30))).isTrue();
    }

    @Test
    void aNegativeRestFactorIsRefused() {
        assertThatThrownBy(() -> new JudgementPacing(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
