package com.marketplaceledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.bench.Results.Figure;
import com.marketplaceledger.shared.access.LedgerRole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replay: every read model rebuilt from event 0 at once (what an auditor's rebuild does), timed until
 * the last has caught up with the head as it was. The baseline is a plain read of the whole event
 * table, payloads included, from the same database.
 */
final class Replay {

    static final double TARGET = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replay() {
    }

    static void run(Target target, Results results) throws Exception {
        Http http = new Http();
        String token = target.token(LedgerRole.ADMIN);
        var cpu = CpuUse.start(target);
        long start = System.nanoTime();
        JsonNode started = JSON.readTree(Http.ok(http.post(target.querySide.resolve("/operations/read-models/rebuild"),
                token, "")).body());
        List<String> readModels = new ArrayList<>();
        started.path("processors").forEach(p -> readModels.add(p.asText()));
        long positions = 0;
        Instant deadline = Instant.now().plus(Duration.ofHours(2));
        for (String readModel : readModels) {
            while (true) {
                // without the checksum, which reads the whole read model: it is timed on its own below
                JsonNode progress = JSON.readTree(Http.ok(http.get(target.querySide.resolve("/operations/read-models/"
                        + readModel + "/replay?checksum=false"), token)).body());
                if (!progress.path("replaying").asBoolean() && !progress.path("finishedAt").isNull()) {
                    positions = Math.max(positions, progress.path("targetPosition").asLong());
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(readModel + " did not finish replaying: " + progress);
                }
                Thread.sleep(200);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> used = cpu.used();
        results.add(new Figure("replay of every read model", positions / seconds, "events/s", plainRead(target),
                "plain read of the event table", TARGET, true,
                String.format("%,d events into %d read models in %.1f s", positions, readModels.size(), seconds)));
        CpuUse.report(results, used, positions, "event", "replayed");
        long checksumsStart = System.nanoTime();
        for (String readModel : readModels) {
            var answer = http.get(target.querySide.resolve("/operations/read-models/" + readModel + "/checksum"), token);
            if (answer.statusCode() != 404) { // a processor that keeps no read model has no checksum
                Http.ok(answer);
            }
        }
        results.add(new Figure("checksums of the rebuilt read models", (System.nanoTime() - checksumsStart) / 1e9, "s",
                null, null, null, false, "GET /operations/read-models/{name}/checksum of each, one after the other"));
    }

    private static double plainRead(Target target) throws SQLException {
        try (Connection db = target.database()) {
            db.setAutoCommit(false);
            long start = System.nanoTime();
            long rows = 0;
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT global_index, payload, meta_data FROM axon.domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(10_000);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        row.getBytes(2); // the payload and metadata are read, as a projection reads them
                        row.getBytes(3);
                        rows++;
                    }
                }
            }
            db.rollback();
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }
}
