package com.marketplaceledger.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.Walkthrough;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.integrity.ExportedEvent;
import com.marketplaceledger.shared.integrity.Seals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /export over real HTTP on the README walk-through, once the sealer has sealed it: every line
 * is the stored row exactly with its seal, and the lines verify on their own as an auditor's
 * verifier would (recomputed with {@link Seals} from the first line's previousSeal).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIntegrationTest extends QuerySideIntegrationTest {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    private String merchant;
    private Instant recordingFrom;
    private long first;
    private long last;

    @BeforeAll
    void recordTheWalkThroughAndAwaitItsSeals() {
        merchant = "M-export-" + UUID.randomUUID().toString().substring(0, 8);
        // the event store keeps recording times to the millisecond
        recordingFrom = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        first = positions.head() + 1;
        last = Walkthrough.record(newHistory(), merchant);
        awaitSealed(last);
        // every read model reads the event table itself: once they hold the walk-through, a test's
        // change to a row reaches the event table only, not a read model that happens to read it then
        newHistory().awaitHead();
    }

    @Test
    void a_range_is_every_position_in_order_with_the_stored_row_and_its_seal() {
        Export export = export("from", first, "to", last);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.positions()).isEqualTo(range(first, last));
        for (JsonNode line : export.lines()) {
            long position = line.get("globalIndex").asLong();
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM axon.domain_event_entry WHERE global_index = ?", position);
            if (rows.isEmpty()) {
                assertThat(line.get("absent").asBoolean()).isTrue();
                continue;
            }
            Map<String, Object> row = rows.get(0);
            assertThat(line.get("eventIdentifier").asText()).isEqualTo(row.get("event_identifier"));
            assertThat(line.get("aggregateType").asText()).isEqualTo(row.get("type"));
            assertThat(line.get("aggregateIdentifier").asText()).isEqualTo(row.get("aggregate_identifier"));
            assertThat(line.get("sequenceNumber").asLong()).isEqualTo(row.get("sequence_number"));
            assertThat(line.get("payloadType").asText()).isEqualTo(row.get("payload_type"));
            assertThat(Base64.getDecoder().decode(line.get("payloadBase64").asText())).isEqualTo(row.get("payload"));
            assertThat(Base64.getDecoder().decode(line.get("metaDataBase64").asText())).isEqualTo(row.get("meta_data"));
            assertThat(line.get("timeStamp").asText()).isEqualTo(row.get("time_stamp"));
            assertThat(line.get("payload")).isEqualTo(parse((byte[]) row.get("payload")));
            assertThat(line.get("seal").asText()).isEqualTo(Seals.hex(sealAt(position)));
            assertThat(line.get("previousSeal").asText()).isEqualTo(Seals.hex(sealAt(position - 1)));
        }
        assertThat(firstBreak(export.lines())).isNull();
    }

    @Test
    void everything_from_position_1_verifies_from_the_genesis_seal_streamed_line_by_line() throws Exception {
        var previous = new AtomicReference<byte[]>(Seals.GENESIS);
        var expected = new AtomicLong(1);
        HttpResponse<Stream<String>> response = HTTP.send(request("/export" + query("to", last)), HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        response.body().forEach(text -> {
            ExportedEvent line = read(text);
            assertThat(line.globalIndex()).isEqualTo(expected.getAndIncrement());
            assertThat(line.previousSeal()).isEqualTo(Seals.hex(previous.get()));
            previous.set(line.expectedSeal(previous.get()));
            assertThat(line.seal()).as("seal at %d", line.globalIndex()).isEqualTo(Seals.hex(previous.get()));
        });
        assertThat(expected.get()).isEqualTo(last + 1);
        assertThat(previous.get()).isEqualTo(sealAt(last));
    }

    @Test
    void an_entity_is_the_positions_its_audit_trail_lists_each_checkable_on_its_own() {
        Export sale = export("merchantId", merchant, "entityType", "sale", "entityId", "S-1");
        Export whole = export("merchantId", merchant);

        assertThat(sale.status()).isEqualTo(200);
        assertThat(sale.positions()).hasSize(7).isEqualTo(jdbc.queryForList("""
                SELECT position FROM read_model.audit_subject WHERE merchant_id = ? AND entity_type = 'sale' AND entity_id = 'S-1'
                 ORDER BY position""", Long.class, merchant));
        assertThat(sale.lines()).allSatisfy(line ->
                assertThat(read(line).expectedSeal(Seals.fromHex(line.get("previousSeal").asText())))
                        .isEqualTo(Seals.fromHex(line.get("seal").asText())));
        assertThat(whole.positions()).containsAll(sale.positions()).containsAll(range(first, last).stream()
                .filter(position -> jdbc.queryForObject("SELECT count(*) FROM read_model.audit_subject WHERE position = ? "
                        + "AND merchant_id = ?", Long.class, position, merchant) > 0).toList());
    }

    @Test
    void a_time_span_is_the_events_recorded_in_it() {
        Instant to = Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM axon.domain_event_entry WHERE global_index = ?",
                String.class, last)).plusNanos(1000);

        Export span = export("fromTime", recordingFrom, "toTime", to);

        assertThat(span.status()).isEqualTo(200);
        assertThat(span.positions()).containsAll(jdbc.queryForList("""
                SELECT global_index FROM axon.domain_event_entry
                 WHERE aggregate_identifier LIKE ? AND global_index BETWEEN ? AND ? ORDER BY global_index""",
                Long.class, "%/" + merchant + "%", first, last)).hasSizeGreaterThanOrEqualTo(13).isSorted();
        assertThat(span.lines()).allSatisfy(line -> {
            Instant recorded = Instant.parse(line.get("timeStamp").asText());
            assertThat(recorded).isBetween(recordingFrom, to);
        });
        assertThat(export("fromTime", to, "toTime", to).lines()).isEmpty();
    }

    @Test
    void a_position_the_sequence_skipped_is_exported_as_absent_between_its_neighbours() {
        long skipped = jdbc.queryForObject("SELECT nextval('axon.domain_event_entry_global_index_seq')", Long.class);
        long after = Walkthrough.record(newHistory(), "M-export-gap-" + UUID.randomUUID().toString().substring(0, 8));
        awaitSealed(after);

        Export export = export("from", skipped - 1, "to", skipped + 1);

        assertThat(export.positions()).containsExactly(skipped - 1, skipped, skipped + 1);
        JsonNode absent = export.lines().get(1);
        assertThat(absent.properties()).extracting(Map.Entry::getKey).containsExactly("globalIndex", "absent", "seal", "previousSeal");
        assertThat(absent.get("absent").asBoolean()).isTrue();
        assertThat(absent.get("seal").asText()).isEqualTo(Seals.hex(Seals.sealAbsent(sealAt(skipped - 1), skipped)));
        assertThat(firstBreak(export.lines())).isNull();
    }

    @Test
    void a_changed_row_is_exported_as_stored_and_its_line_no_longer_verifies() {
        long position = jdbc.queryForObject("SELECT min(global_index) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "sale/" + merchant + "/S-1");
        byte[] original = jdbc.queryForObject("SELECT payload FROM axon.domain_event_entry WHERE global_index = ?", byte[].class, position);
        try {
            triggers(false);
            // one byte more, still the same JSON to a reader: only the seal tells
            jdbc.update("UPDATE axon.domain_event_entry SET payload = ? WHERE global_index = ?",
                    (new String(original, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8), position);

            Export export = export("from", first, "to", last);

            assertThat(firstBreak(export.lines())).isEqualTo(position);
        } finally {
            jdbc.update("UPDATE axon.domain_event_entry SET payload = ? WHERE global_index = ?", original, position);
            triggers(true);
        }
        assertThat(firstBreak(export("from", first, "to", last).lines())).isNull();
    }

    @Test
    void only_sealed_positions_are_exported() {
        long sealHead = jdbc.queryForObject("SELECT max(global_index) FROM axon.event_seal", Long.class);

        assertThat(export("from", sealHead + 1_000_000).lines()).isEmpty();
        assertThat(export("from", sealHead).positions()).first().isEqualTo(sealHead);
    }

    @Test
    void bad_parameters_are_refused_as_problems_before_any_line() {
        assertProblem(export("from", 0), 400, "invalid-parameter", "from");
        assertProblem(export("from", 5, "to", 4), 400, "invalid-parameter", "to");
        assertProblem(export("from", "five"), 400, "invalid-parameter", "from");
        assertProblem(export("from", 1, "merchantId", merchant), 400, "invalid-parameter", "from");
        assertProblem(export("merchantId", merchant, "fromTime", recordingFrom), 400, "invalid-parameter", "merchantId");
        assertProblem(export("entityType", "sale", "entityId", "S-1"), 400, "invalid-parameter", "merchantId");
        assertProblem(export("merchantId", merchant, "entityType", "sale"), 400, "invalid-parameter", "entityId");
        assertProblem(export("merchantId", merchant, "entityType", "shop", "entityId", "S-1"), 400, "invalid-parameter", "entityType");
        assertProblem(export("merchantId", "no/slash"), 400, "invalid-parameter", "merchantId");
        assertProblem(export("fromTime", "yesterday"), 400, "invalid-parameter", "fromTime");
        assertProblem(export("fromTime", "2026-02-01T00:00:00Z", "toTime", "2026-01-01T00:00:00Z"), 400, "invalid-parameter", "fromTime");
        assertProblem(export("merchantId", "M-nobody-" + UUID.randomUUID().toString().substring(0, 8)), 404, "unknown-merchant", "merchantId");
        assertProblem(export("merchantId", merchant, "entityType", "sale", "entityId", "S-404"), 404, "unknown-sale", "entityId");
    }

    /** What GET /export answered: status, content type, and the lines (or the problem) as JSON. */
    private record Export(int status, String contentType, List<JsonNode> lines) {

        List<Long> positions() {
            return lines.stream().map(line -> line.get("globalIndex").asLong()).toList();
        }
    }

    private Export export(Object... namesAndValues) {
        try {
            HttpResponse<String> response = HTTP.send(request("/export" + query(namesAndValues)), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> lines = response.body().lines().map(ExportIntegrationTest::parse).toList();
            return new Export(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), lines);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpRequest request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + TestTokens.officer()).GET().build();
    }

    private static String query(Object... namesAndValues) {
        var query = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.append(i == 0 ? "?" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(String.valueOf(namesAndValues[i + 1]), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static void assertProblem(Export export, int status, String rule, String field) {
        assertThat(export.status()).as("%s", export).isEqualTo(status);
        assertThat(export.contentType()).isEqualTo("application/problem+json");
        assertThat(export.lines()).hasSize(1);
        assertThat(export.lines().get(0).get("rule").asText()).as("%s", export).isEqualTo(rule);
        assertThat(export.lines().get(0).get("field").asText()).as("%s", export).isEqualTo(field);
    }

    /** The first position where the lines stop verifying as a range (a seal, a link or a position), null when they all do. */
    private static Long firstBreak(List<JsonNode> lines) {
        byte[] previous = null;
        long expected = 0;
        for (JsonNode text : lines) {
            ExportedEvent line = read(text);
            byte[] before = Seals.fromHex(line.previousSeal());
            if (previous != null && (line.globalIndex() != expected || !Arrays.equals(before, previous))) {
                return expected;
            }
            previous = line.expectedSeal(before);
            if (!Arrays.equals(previous, Seals.fromHex(line.seal()))) {
                return line.globalIndex();
            }
            expected = line.globalIndex() + 1;
        }
        return null;
    }

    private byte[] sealAt(long position) {
        return position == 0 ? Seals.GENESIS
                : jdbc.queryForObject("SELECT seal FROM axon.event_seal WHERE global_index = ?", byte[].class, position);
    }

    private void awaitSealed(long position) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM axon.event_seal WHERE global_index = ?)", Boolean.class, position))) {
            assertThat(Instant.now()).as("sealed up to position %d", position).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void triggers(boolean enabled) {
        jdbc.execute("ALTER TABLE axon.domain_event_entry " + (enabled ? "ENABLE" : "DISABLE") + " TRIGGER USER");
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static ExportedEvent read(Object line) {
        try {
            return line instanceof String text ? JSON.readValue(text, ExportedEvent.class) : JSON.treeToValue((JsonNode) line, ExportedEvent.class);
        } catch (IOException e) {
            throw new AssertionError("not an export line: " + line, e);
        }
    }

    private static JsonNode parse(Object json) {
        try {
            return json instanceof byte[] bytes ? JSON.readTree(bytes) : JSON.readTree((String) json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
