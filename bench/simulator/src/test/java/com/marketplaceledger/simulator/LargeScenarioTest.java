package com.marketplaceledger.simulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.Writer;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/**
 * A hundred thousand participants stream: lines are counted as they are written and dropped,
 * and the test JVM's heap is small (see the pom), so a generator that kept the history would fail.
 */
class LargeScenarioTest {

    private static final int SIZE = 100_000;

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void aHundredThousandParticipantsAreGeneratedAsAStream(ScenarioKind kind) {
        var lines = new LineCounter();
        var scenario = Scenario.of(kind, 42, SIZE);

        GroundTruth truth = assertTimeout(Duration.ofSeconds(60), () -> Ndjson.write(scenario, lines));

        assertThat(lines.count).isEqualTo(truth.commands() + 1).isGreaterThan(SIZE);
        assertThat(truth.participants()).isEqualTo(kind == ScenarioKind.HONEST_RETAILER ? 0 : SIZE);
    }

    /** Counts the lines written and keeps nothing. */
    private static final class LineCounter extends Writer {

        long count;

        @Override
        public void write(char[] text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (text[i] == '\n') {
                    count++;
                }
            }
        }

        @Override
        public void write(String text) {
            count += text.chars().filter(c -> c == '\n').count();
        }

        @Override
        public void write(int c) {
            if (c == '\n') {
                count++;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
