package com.marketplaceledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.shared.access.LedgerRole;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What must hold after the faults, each read from the ledger itself: the event table holds every
 * acknowledged command's event exactly once; every read model equals a fresh rebuild; the hash
 * chain verifies; no event waits in a dead-letter queue.
 */
final class LedgerChecks {

    /** One check: passed or not, and what it found. */
    record Check(String name, boolean passed, String detail) {
    }

    private static final Set<String> COMMAND_EVENTS = Set.of("MerchantRegistered", "CompensationPlanDeclared",
            "ListingPublished", "ListingRepriced", "DistributorEnrolled", "SaleRecorded", "RefundRequested", "RefundIssued");

    private final RunningLedger ledger;

    LedgerChecks(RunningLedger ledger) {
        this.ledger = ledger;
    }

    /** Every acknowledged command's event is in the event table, none of them twice. */
    Check everyAcknowledgedEventExactlyOnce(Acknowledgements acks, String merchantPrefix) throws SQLException {
        Map<String, Map<String, Integer>> expected = acks.expected();
        Map<String, Map<String, Integer>> stored = new TreeMap<>();
        try (Connection connection = ledger.database(); PreparedStatement query = connection.prepareStatement("""
                SELECT aggregate_identifier AS stream, regexp_replace(payload_type, '^.*\\.', '') AS event, count(*) AS n
                FROM axon.domain_event_entry
                WHERE split_part(aggregate_identifier, '/', 2) LIKE ? GROUP BY 1, 2""")) {
            query.setString(1, merchantPrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (COMMAND_EVENTS.contains(rows.getString("event"))) {
                        stored.computeIfAbsent(rows.getString("stream"), s -> new TreeMap<>()).put(rows.getString("event"), rows.getInt("n"));
                    }
                }
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> unacknowledged = new ArrayList<>();
        long events = 0;
        for (var stream : expected.entrySet()) {
            for (var event : stream.getValue().entrySet()) {
                events += event.getValue();
                int found = stored.getOrDefault(stream.getKey(), Map.of()).getOrDefault(event.getKey(), 0);
                if (found < event.getValue()) {
                    lost.add(stream.getKey() + " " + event.getKey() + ": " + found + " of " + event.getValue());
                } else if (found > event.getValue()) {
                    twice.add(stream.getKey() + " " + event.getKey() + ": " + found + " for " + event.getValue() + " acknowledged");
                }
            }
        }
        stored.forEach((stream, found) -> found.forEach((event, n) -> {
            if (!expected.getOrDefault(stream, Map.of()).containsKey(event)) {
                unacknowledged.add(stream + " " + event + " x" + n);
            }
        }));
        boolean passed = lost.isEmpty() && twice.isEmpty() && unacknowledged.isEmpty() && events > 0;
        return new Check("every acknowledged command's event exactly once", passed,
                "%,d events of %,d streams acknowledged; lost %d%s; twice %d%s; recorded but never acknowledged %d%s"
                        .formatted(events, expected.size(), lost.size(), first(lost), twice.size(), first(twice),
                                unacknowledged.size(), first(unacknowledged)));
    }

    /**
     * Every read model equals a fresh rebuild: its rows are kept aside, every read model is rebuilt
     * from event 0, and the rows are compared as text, on the positions up to the head before the
     * rebuild (the rebuild records events of its own, which the audit trail shows).
     */
    Check readModelsEqualAFreshRebuild() throws IOException, SQLException, InterruptedException {
        long head = settle();
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (JsonNode processor : ledger.get(ledger.querySide, "/operations/processors", LedgerRole.ADMIN).path("processors")) {
            String name = processor.path("name").asText();
            JsonNode checksum = ledger.get(ledger.querySide, "/operations/read-models/" + name + "/checksum", LedgerRole.ADMIN);
            List<String> names = new ArrayList<>();
            checksum.path("tables").fieldNames().forEachRemaining(names::add);
            tables.put(name, names);
        }
        try (Connection connection = ledger.database(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS fault_check CASCADE");
            sql.execute("CREATE SCHEMA fault_check");
            for (List<String> names : tables.values()) {
                for (String table : names) {
                    sql.execute("CREATE TABLE fault_check." + table + " AS SELECT * FROM read_model." + table);
                }
            }
        }
        ledger.post(ledger.querySide, "/operations/read-models/rebuild", LedgerRole.ADMIN);
        awaitRebuilt();
        settle();
        List<String> differences = new ArrayList<>();
        long rows = 0;
        try (Connection connection = ledger.database()) {
            for (var readModel : tables.entrySet()) {
                for (String table : readModel.getValue()) {
                    String upToHead = hasColumn(connection, table, "position") ? " WHERE position <= " + head : "";
                    String kept = "SELECT t::text AS r FROM fault_check." + table + " t" + upToHead;
                    String rebuilt = "SELECT t::text AS r FROM read_model." + table + " t" + upToHead;
                    rows += count(connection, "SELECT count(*) FROM (" + kept + ") k");
                    long missing = count(connection, "SELECT count(*) FROM (" + kept + " EXCEPT ALL " + rebuilt + ") d");
                    long extra = count(connection, "SELECT count(*) FROM (" + rebuilt + " EXCEPT ALL " + kept + ") d");
                    if (missing + extra > 0) {
                        differences.add(readModel.getKey() + "." + table + ": " + missing + " rows only before, " + extra + " only after");
                    }
                }
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute("DROP SCHEMA fault_check CASCADE");
            }
        }
        return new Check("every read model equals a fresh rebuild", differences.isEmpty(),
                "%,d rows of %d tables in %d read models compared up to position %,d%s".formatted(rows,
                        tables.values().stream().mapToInt(List::size).sum(), tables.size(), head,
                        differences.isEmpty() ? "" : "; different: " + String.join("; ", differences)));
    }

    /** The sealer has sealed the head, and the chain recomputes from the first position to it. */
    Check hashChainVerifies() throws IOException, InterruptedException {
        long head = ledger.get(ledger.querySide, "/stream/position", LedgerRole.AUDITOR).path("head").asLong();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode digest = ledger.get(ledger.querySide, "/integrity/digest", LedgerRole.AUDITOR);
        while (digest.path("position").asLong() < head && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            digest = ledger.get(ledger.querySide, "/integrity/digest", LedgerRole.AUDITOR);
        }
        JsonNode verification = ledger.get(ledger.querySide, "/integrity/verification", LedgerRole.AUDITOR);
        boolean verified = verification.path("verified").asBoolean() && digest.path("position").asLong() >= head;
        return new Check("the hash chain verifies", verified, "%,d positions checked, sealed up to %,d of head %,d%s".formatted(
                verification.path("checked").asLong(), digest.path("position").asLong(), head,
                verified ? "" : "; " + verification));
    }

    Check noDeadLetters() throws IOException {
        JsonNode letters = ledger.get(ledger.querySide, "/operations/dead-letters", LedgerRole.ADMIN);
        int waiting = letters.path("items").size();
        return new Check("no dead letters", waiting == 0 && !letters.path("hasMore").asBoolean(),
                waiting == 0 ? "none" : waiting + " waiting: " + letters.path("items"));
    }

    /**
     * Waits until every read model holds the head, detection has judged every network with new
     * events, and the head stays where it is for a few seconds. Detection appends alerts for what
     * the read models took in, and a network judged a moment ago rests before it is judged again
     * (a few seconds for a large one): a head that merely stood still is not yet the last one.
     */
    private long settle() throws IOException, InterruptedException, SQLException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        long head = -1;
        while (Instant.now().isBefore(deadline)) {
            long now = ledger.get(ledger.querySide, "/stream/position", LedgerRole.AUDITOR).path("head").asLong();
            var answer = ledger.send(java.net.http.HttpRequest.newBuilder(
                            ledger.querySide.resolve("/stream/position?minPosition=" + now))
                    .header("Authorization", "Bearer " + ledger.token(LedgerRole.AUDITOR)).GET().build());
            boolean caughtUp = answer.statusCode() == 200 && networksAwaitingJudgement() == 0;
            if (caughtUp && now == head) {
                return head;
            }
            head = caughtUp ? now : -1;
            Thread.sleep(3000);
        }
        throw new IOException("the read models and detection did not settle within 10 minutes");
    }

    private long networksAwaitingJudgement() throws SQLException {
        try (Connection connection = ledger.database()) {
            return count(connection, "SELECT count(*) FROM read_model.detection_pending");
        }
    }

    private void awaitRebuilt() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            boolean replaying = false;
            for (JsonNode processor : ledger.get(ledger.querySide, "/operations/processors", LedgerRole.ADMIN).path("processors")) {
                replaying |= processor.path("replaying").asBoolean();
            }
            if (!replaying) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IOException("the rebuild did not finish within 30 minutes");
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT 1 FROM information_schema.columns
                WHERE table_schema = 'read_model' AND table_name = ? AND column_name = ?""")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String first(List<String> found) {
        return found.isEmpty() ? "" : " (" + String.join(", ", found.subList(0, Math.min(5, found.size()))) + ")";
    }
}
