package com.marketplaceledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.shared.LedgerEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The whole query side on a random port and the one embedded PostgreSQL of this test JVM. Events
 * are appended straight to Axon's event store; tests use merchant ids of their own, so they never
 * see each other's events (the store is shared by every test class of the module).
 */
abstract class AuditTrailTestSupport extends QuerySideIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    /** A merchant id no other test uses. */
    static String newMerchantId(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** An event to append: its stream, its place in it, and when the ledger recorded it. */
    record Envelope(String stream, long sequenceNumber, LedgerEvent event, Instant recordedAt) {

        DomainEventMessage<LedgerEvent> message() {
            String aggregateType = stream.substring(0, 1).toUpperCase() + stream.substring(1, stream.indexOf('/'));
            return new GenericDomainEventMessage<>(aggregateType, stream, sequenceNumber, event, MetaData.emptyInstance(),
                    UUID.randomUUID().toString(), recordedAt);
        }
    }

    /** An appended event and the global position the event store gave it. */
    record Appended(long position, DomainEventMessage<LedgerEvent> message) {

        String eventId() {
            return message.getIdentifier();
        }

        String type() {
            return message.getPayloadType().getSimpleName();
        }
    }

    /** Appends the events in one transaction (so their positions follow each other) and waits until the audit trail holds them. */
    List<Appended> publishAndAwait(List<Envelope> envelopes) {
        List<Appended> appended = publish(envelopes);
        awaitAudited(appended);
        return appended;
    }

    List<Appended> publish(List<Envelope> envelopes) {
        List<DomainEventMessage<LedgerEvent>> messages = envelopes.stream().map(Envelope::message).toList();
        eventStore.publish(messages);
        Map<String, Long> positions = positionsInEventStore(messages.stream().map(DomainEventMessage::getIdentifier).toList());
        return messages.stream().map(m -> new Appended(positions.get(m.getIdentifier()), m)).toList();
    }

    Map<String, Long> positionsInEventStore(List<String> eventIds) {
        var positions = new HashMap<String, Long>();
        jdbc.query("SELECT event_identifier, global_index FROM axon.domain_event_entry WHERE event_identifier = ANY (?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar", eventIds.toArray())),
                row -> {
                    positions.put(row.getString(1), row.getLong(2));
                });
        if (positions.size() != eventIds.size()) {
            throw new AssertionError("not every published event is in the event store: " + positions);
        }
        return positions;
    }

    /** Waits until the audit trail holds every one of these events, at most {@link #PATIENCE}. */
    void awaitAudited(List<Appended> events) {
        String[] ids = events.stream().map(Appended::eventId).toArray(String[]::new);
        awaitTrue("the audit trail to hold " + Arrays.toString(ids), () -> countAudited(ids) == ids.length);
    }

    int countAudited(String... eventIds) {
        Integer count = jdbc.query("SELECT count(*) FROM read_model.audit_event WHERE event_id = ANY (?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar", eventIds)),
                rows -> rows.next() ? rows.getInt(1) : 0);
        return count == null ? 0 : count;
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** One row of {@code audit_event}, payload as parsed JSON. */
    record EventRow(long position, String eventId, String merchantId, String stream, long sequenceNumber, String type,
                    String revision, JsonNode payload, Instant occurredAt, Instant recordedAt) {
    }

    /** One row of {@code audit_subject}. */
    record SubjectRow(String merchantId, String entityType, String entityId, long position, Instant occurredAt,
                      Instant recordedAt) {
    }

    EventRow eventRow(long position) {
        List<EventRow> rows = jdbc.query("SELECT * FROM read_model.audit_event WHERE position = ?",
                (row, n) -> new EventRow(row.getLong("position"), row.getString("event_id"), row.getString("merchant_id"),
                        row.getString("stream_id"), row.getLong("sequence_number"), row.getString("payload_type"),
                        row.getString("payload_revision"), parse(row.getString("payload")),
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant()),
                position);
        if (rows.size() != 1) {
            throw new AssertionError("no audit_event row at position " + position);
        }
        return rows.get(0);
    }

    List<SubjectRow> subjectRows(long position) {
        return jdbc.query("SELECT * FROM read_model.audit_subject WHERE position = ? ORDER BY entity_type, entity_id",
                (row, n) -> new SubjectRow(row.getString("merchant_id"), row.getString("entity_type"),
                        row.getString("entity_id"), row.getLong("position"),
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant()),
                position);
    }

    /** Both tables in full, as text, in a stable order: what a rebuild must reproduce. */
    List<String> dumpAuditTables() {
        List<String> rows = new ArrayList<>(jdbc.queryForList("SELECT row_to_json(e)::text FROM read_model.audit_event e ORDER BY position",
                String.class));
        rows.addAll(jdbc.queryForList("""
                SELECT row_to_json(s)::text FROM read_model.audit_subject s
                 ORDER BY merchant_id, entity_type, entity_id, position""", String.class));
        return rows;
    }

    /** What the query side answered over HTTP. */
    record Answer(String uri, int status, String contentType, String body) {

        JsonNode json() {
            return parse(body);
        }

        String rule() {
            JsonNode rule = json().get("rule");
            return rule == null ? null : rule.asText();
        }

        List<Long> positions() {
            var positions = new ArrayList<Long>();
            json().get("items").forEach(item -> positions.add(item.get("position").asLong()));
            return positions;
        }

        List<String> types() {
            var types = new ArrayList<String>();
            json().get("items").forEach(item -> types.add(item.get("type").asText()));
            return types;
        }

        @Override
        public String toString() {
            return "GET " + uri + " -> " + status + " " + contentType + " " + body;
        }
    }

    Answer get(String pathAndQuery) {
        URI uri = URI.create("http://localhost:" + port + pathAndQuery);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + TestTokens.officer()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").map(v -> v.split(";")[0].trim()).orElse("");
            return new Answer(pathAndQuery, response.statusCode(), contentType, response.body());
        } catch (Exception e) {
            throw new AssertionError("GET " + uri + " failed", e);
        }
    }

    /** A query string from name/value pairs, in order. */
    static String query(String... namesAndValues) {
        var pairs = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        var query = new StringBuilder();
        pairs.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
