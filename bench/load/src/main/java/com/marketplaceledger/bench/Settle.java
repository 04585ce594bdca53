package com.marketplaceledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.access.LedgerRole;

import java.time.Duration;
import java.time.Instant;

/**
 * Waits until every read model holds every event recorded so far: on a machine of two cores the
 * projections catching up compete with whatever is measured next, so each benchmark of a run
 * starts on a quiet system.
 */
final class Settle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STALL_SECONDS = 60;

    private Settle() {
    }

    static void await(Target target) throws Exception {
        Http http = new Http();
        String token = target.token(LedgerRole.AUDITOR);
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofHours(2));
        Instant lastReport = start;
        Instant lastProgress = start;
        long lastProcessed = -1;
        while (true) {
            JsonNode position = JSON.readTree(Http.ok(http.get(target.querySide.resolve("/stream/position"), token)).body());
            long processed = position.path("processed").asLong();
            long head = position.path("head").asLong();
            if (processed != lastProcessed) {
                lastProcessed = processed;
                lastProgress = Instant.now();
            } else if (Duration.between(lastProgress, Instant.now()).toSeconds() >= STALL_SECONDS) {
                // a position left unfilled by a rolled-back write stays a gap until Axon cleans it up
                System.out.printf("read models at %,d of %,d and not moving for %d s: going on%n", processed, head, STALL_SECONDS);
                return;
            }
            if (processed >= head) {
                if (Duration.between(start, Instant.now()).toSeconds() > 1) {
                    System.out.printf("read models caught up with position %,d after %d s%n", head,
                            Duration.between(start, Instant.now()).toSeconds());
                }
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("read models did not catch up: " + position);
            }
            if (Duration.between(lastReport, Instant.now()).toSeconds() >= 30) {
                System.out.printf("waiting for the read models: %,d of %,d%n", processed, head);
                lastReport = Instant.now();
            }
            Thread.sleep(500);
        }
    }
}
