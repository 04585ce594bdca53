package com.marketplaceledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.access.LedgerRole;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until every read model holds every event recorded so far: on a machine of two cores the
 * projections catching up compete with whatever is measured next, so each benchmark of a run
 * starts on a quiet system. Uses the query side's own read-your-writes wait ({@code minPosition}),
 * which knows a position left unfilled by a rolled-back write from one not yet read.
 */
final class Settle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Settle() {
    }

    /** Returns how long it waited. */
    static Duration await(Target target) throws Exception {
        Http http = new Http();
        String token = target.token(LedgerRole.AUDITOR);
        long head = JSON.readTree(Http.ok(http.get(target.querySide.resolve("/stream/position"), token)).body())
                .path("head").asLong();
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofHours(2));
        while (true) {
            // the query side answers once every read model has handled the head, or 503 after its wait
            HttpResponse<String> answer = http.get(target.querySide.resolve("/stream/position?minPosition=" + head), token);
            if (answer.statusCode() == 200) {
                Duration waited = Duration.between(start, Instant.now());
                if (waited.toSeconds() > 1) {
                    System.out.printf("read models caught up with position %,d after %d s%n", head, waited.toSeconds());
                }
                return waited;
            }
            if (answer.statusCode() != 503 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("read models did not catch up with position " + head + ": "
                        + answer.statusCode() + " " + answer.body());
            }
            System.out.printf("waiting for the read models to reach position %,d: %s%n", head,
                    JSON.readTree(answer.body()).path("processed"));
        }
    }
}
