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

    private Settle() {
    }

    static void await(Target target) throws Exception {
        Http http = new Http();
        String token = target.token(LedgerRole.AUDITOR);
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofHours(2));
        Instant lastReport = start;
        while (true) {
            JsonNode position = JSON.readTree(Http.ok(http.get(target.querySide.resolve("/stream/position"), token)).body());
            long processed = position.path("processed").asLong();
            long head = position.path("head").asLong();
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
