package com.marketplaceledger.launcher;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a part again: the first restart almost at once
 * (a killed service should be back well within a minute), then twice as long after each start in a
 * row that failed before the part was ready, up to {@code longest}. The backoff guards against a part
 * that cannot start (a port taken, a bad setting); a part that was ready started well, so its next
 * death counts as the first again: its own start time already spaces its restarts.
 */
record Backoff(Duration first, Duration longest) {

    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The wait before the next start after {@code failures} failures in a row (at least one). */
    Duration delay(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
