package com.marketplaceledger.supervision.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often a network whose events keep arriving is judged again: after a judgement that took
 * {@code t}, the network rests {@code restFactor × t} before the next. A judgement reads the whole
 * network, so without a rest a network being imported would be judged back to back, each time
 * longer, and take a core from the import itself; with it, judging one network uses at most
 * {@code 1 / (1 + restFactor)} of a core, and a large network's alerts follow its events by a few
 * of its judgement times. A network that is quick to judge is judged at every round, as before.
 */
final class JudgementPacing {

    private final long restFactor;
    private final Map<String, Instant> restingUntil = new ConcurrentHashMap<>();

    JudgementPacing(int restFactor) {
        if (restFactor < 0) {
            throw new IllegalArgumentException("the rest factor cannot be negative: " + restFactor);
        }
        this.restFactor = restFactor;
    }

    boolean due(String merchantId, Instant now) {
        Instant until = restingUntil.get(merchantId);
        return until == null || !now.isBefore(until);
    }

    void judged(String merchantId, Instant started, Instant finished) {
        Duration took = Duration.between(started, finished);
        if (took.isNegative() || took.isZero() || restFactor == 0) {
            restingUntil.remove(merchantId);
        } else {
            restingUntil.put(merchantId, finished.plus(took.multipliedBy(restFactor)));
        }
    }
}
