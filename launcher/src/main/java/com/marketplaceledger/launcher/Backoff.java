package com.marketplaceledger.launcher;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a part again: the first restart almost at once
 * (a killed service should be back well within a minute), then twice as long after each failure
 * in a row, up to {@code longest}; a part that stayed ready for {@code stableAfter} starts over.
 */
record Backoff(Duration first, Duration longest, Duration stableAfter) {

    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    /** The wait before the next start after {@code failures} failures in a row (at least one). */
    Duration delay(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
