package com.marketplaceledger.query.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QueryApi;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.integrity.Seals;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tamper evidence over REST. Each tampering test damages events it appended itself, directly in the
 * tables with the append-only triggers off, expects verification of the whole store to name the
 * damaged position, and puts every row back exactly (the database is shared with the other tests).
 */
class IntegrityIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    private QueryApi api;

    /** No other test's writer is mid-transaction while this one tampers (the store is never empty then). */
    @BeforeEach
    void settle() {
        api = api();
        appendSealed(1);
        awaitDetectionSettled();
    }

    @Test
    void the_digest_is_the_head_of_the_chain_and_the_whole_store_verifies() {
        long last = appendSealed(3)[2];

        JsonNode digest = api.ok("/integrity/digest");
        assertThat(digest.get("position").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(digest.get("seal").asText()).hasSize(64)
                .isEqualTo(Seals.hex(jdbc.queryForObject("SELECT seal FROM axon.event_seal WHERE global_index = ?",
                        byte[].class, digest.get("position").asLong())));
        assertThat(digest.get("eventsSealed").asLong()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM axon.event_seal WHERE event_identifier IS NOT NULL", Long.class));

        JsonNode verdict = api.ok("/integrity/verification");
        assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("from").asLong()).isEqualTo(1);
        assertThat(verdict.get("checked").asLong()).isEqualTo(verdict.get("to").asLong());
        assertThat(verdict.get("firstBrokenPosition").isNull()).isTrue();
    }

    @Test
    void a_range_is_verified_from_the_seal_before_it() {
        long[] positions = appendSealed(3);

        JsonNode verdict = api.ok("/integrity/verification?from=" + positions[1] + "&to=" + positions[2]);

        assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("checked").asLong()).isEqualTo(positions[2] - positions[1] + 1);
    }

    @Test
    void bad_ranges_are_refused_as_problems() {
        QueryApi.Answer below = api.get("/integrity/verification?from=0");
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.contentType()).startsWith("application/problem+json");
        assertThat(below.body().get("field").asText()).isEqualTo("from");

        QueryApi.Answer reversed = api.get("/integrity/verification?from=5&to=4");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().get("field").asText()).isEqualTo("to");

        QueryApi.Answer beyond = api.get("/integrity/verification?from=" + Long.MAX_VALUE / 2);
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.body().get("rule").asText()).isEqualTo("beyond-seal-head");
    }

    @Test
    void a_changed_payload_is_reported_at_its_position() {
        long position = appendSealed(3)[1];
        byte[] original = jdbc.queryForObject("SELECT payload FROM axon.domain_event_entry WHERE global_index = ?", byte[].class, position);
        String forged = new String(original, StandardCharsets.UTF_8).replace("Seal Co", "Forged Co");
        try {
            triggers(false);
            jdbc.update("UPDATE axon.domain_event_entry SET payload = ? WHERE global_index = ?",
                    forged.getBytes(StandardCharsets.UTF_8), position);

            expectBroken(position, "changed");
        } finally {
            jdbc.update("UPDATE axon.domain_event_entry SET payload = ? WHERE global_index = ?", original, position);
            triggers(true);
        }
        expectVerified();
    }

    @Test
    void changed_metadata_is_reported_at_its_position() {
        long position = appendSealed(3)[1];
        byte[] original = jdbc.queryForObject("SELECT meta_data FROM axon.domain_event_entry WHERE global_index = ?", byte[].class, position);
        try {
            triggers(false);
            jdbc.update("UPDATE axon.domain_event_entry SET meta_data = ? WHERE global_index = ?",
                    "{\"by\":\"someone else\"}".getBytes(StandardCharsets.UTF_8), position);

            expectBroken(position, "changed");
        } finally {
            jdbc.update("UPDATE axon.domain_event_entry SET meta_data = ? WHERE global_index = ?", original, position);
            triggers(true);
        }
        expectVerified();
    }

    @Test
    void a_deleted_row_is_reported_at_its_position() {
        long position = appendSealed(3)[1];
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM axon.domain_event_entry WHERE global_index = ?", position);
        try {
            triggers(false);
            jdbc.update("DELETE FROM axon.domain_event_entry WHERE global_index = ?", position);

            JsonNode verdict = expectBroken(position, "deleted");
            assertThat(verdict.get("detail").asText()).contains((String) row.get("event_identifier"));
        } finally {
            if (jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE global_index = ?", Integer.class, position) == 0) {
                insert(row);
            }
            triggers(true);
        }
        expectVerified();
    }

    @Test
    void two_rows_swapping_their_positions_are_reported_at_the_first() {
        long[] positions = appendSealed(3);
        long first = positions[0];
        long second = positions[1];
        try {
            triggers(false);
            swap(first, second);

            JsonNode verdict = expectBroken(first, "changed");
            assertThat(verdict.get("detail").asText()).contains("moved or replaced");
        } finally {
            swap(first, second);
            triggers(true);
        }
        expectVerified();
    }

    @Test
    void a_row_inserted_at_a_position_sealed_absent_is_reported_there() {
        long skipped = jdbc.queryForObject("SELECT nextval('axon.domain_event_entry_global_index_seq')", Long.class);
        long after = appendSealed(1)[0];
        // Sealed absent by now: the gap was waited for (or the background sealer's timeout passed).
        assertThat(jdbc.queryForObject("SELECT event_identifier IS NULL FROM axon.event_seal WHERE global_index = ?",
                Boolean.class, skipped)).isTrue();
        assertThat(after).isGreaterThan(skipped);
        try {
            // A payload type no projection handles, so the processors ignore the forged row if they look at the gap again.
            jdbc.update("""
                    INSERT INTO axon.domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    VALUES (?, ?, 0, 'forged', ?, ?, ?, NULL, 'integrity.test.Forged', ?)""",
                    skipped, "forged/" + UUID.randomUUID(), UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8), Instant.now().toString());

            expectBroken(skipped, "inserted");
        } finally {
            triggers(false);
            jdbc.update("DELETE FROM axon.domain_event_entry WHERE global_index = ?", skipped);
            triggers(true);
        }
        expectVerified();
    }

    @Test
    void a_changed_seal_is_told_from_a_changed_row() {
        long position = appendSealed(3)[1];
        byte[] original = jdbc.queryForObject("SELECT seal FROM axon.event_seal WHERE global_index = ?", byte[].class, position);
        try {
            jdbc.execute("ALTER TABLE axon.event_seal DISABLE TRIGGER USER");
            jdbc.update("UPDATE axon.event_seal SET seal = ? WHERE global_index = ?", Seals.GENESIS, position);

            expectBroken(position, "seal-changed");
        } finally {
            jdbc.update("UPDATE axon.event_seal SET seal = ? WHERE global_index = ?", original, position);
            jdbc.execute("ALTER TABLE axon.event_seal ENABLE TRIGGER USER");
        }
        expectVerified();
    }

    @Test
    void the_seal_table_is_append_only() {
        long position = appendSealed(1)[0];

        assertThat(catchThrowable(() -> jdbc.update("UPDATE axon.event_seal SET seal = ? WHERE global_index = ?", Seals.GENESIS, position)))
                .rootCause().hasMessageContaining("the event store is append-only: UPDATE on event_seal refused");
        assertThat(catchThrowable(() -> jdbc.update("DELETE FROM axon.event_seal WHERE global_index = ?", position)))
                .rootCause().hasMessageContaining("the event store is append-only: DELETE on event_seal refused");
        assertThat(catchThrowable(() -> jdbc.execute("TRUNCATE axon.event_seal")))
                .rootCause().hasMessageContaining("the event store is append-only: TRUNCATE on event_seal refused");
    }

    @Test
    void an_old_digest_still_verifies_after_more_events_arrive() {
        appendSealed(2);
        JsonNode digest = api.ok("/integrity/digest");
        long later = appendSealed(3)[2];

        QueryApi.Answer answer = api.send("POST", "/integrity/verification", digest.toString());

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.body().get("verified").asBoolean()).as(answer.raw().body()).isTrue();
        assertThat(answer.body().get("to").asLong()).isEqualTo(digest.get("position").asLong());
        assertThat(answer.body().get("sealHead").asLong()).isGreaterThanOrEqualTo(later);
    }

    @Test
    void a_digest_the_chain_does_not_reach_or_does_not_match_fails_verification() {
        JsonNode digest = api.ok("/integrity/digest");
        long position = digest.get("position").asLong();

        JsonNode wrongSeal = api.send("POST", "/integrity/verification",
                "{\"position\":" + position + ",\"seal\":\"" + Seals.hex(Seals.GENESIS) + "\"}").body();
        assertThat(wrongSeal.get("verified").asBoolean()).isFalse();
        assertThat(wrongSeal.get("problem").asText()).isEqualTo("changed");
        assertThat(wrongSeal.get("firstBrokenPosition").asLong()).isEqualTo(position);

        JsonNode ahead = api.send("POST", "/integrity/verification",
                "{\"position\":" + Long.MAX_VALUE / 2 + ",\"seal\":\"" + digest.get("seal").asText() + "\"}").body();
        assertThat(ahead.get("verified").asBoolean()).isFalse();
        assertThat(ahead.get("problem").asText()).isEqualTo("deleted");
    }

    @Test
    void a_malformed_digest_is_refused_as_a_problem() {
        QueryApi.Answer badSeal = api.send("POST", "/integrity/verification", "{\"position\":1,\"seal\":\"abc\"}");
        assertThat(badSeal.status()).isEqualTo(400);
        assertThat(badSeal.contentType()).startsWith("application/problem+json");
        assertThat(badSeal.body().get("field").asText()).isEqualTo("seal");

        QueryApi.Answer noPosition = api.send("POST", "/integrity/verification", "{\"seal\":\"" + Seals.hex(Seals.GENESIS) + "\"}");
        assertThat(noPosition.status()).isEqualTo(400);
        assertThat(noPosition.body().get("field").asText()).isEqualTo("position");
    }

    /** Appends {@code count} merchants of this test, each on its own stream, and waits until they are sealed. */
    private long[] appendSealed(int count) {
        var history = newHistory();
        long[] positions = new long[count];
        for (int i = 0; i < count; i++) {
            String id = "M-seal-" + UUID.randomUUID().toString().substring(0, 8);
            positions[i] = history.append("merchant/" + id, new MerchantRegistered(MerchantId.of(id), "Seal Co", "LIC-S", "CN", AT));
        }
        awaitSealed(positions[count - 1]);
        // every read model reads the event table itself: once they hold these events, a test's
        // change to a row reaches the event table only, not a read model that happens to read it then
        history.awaitHead();
        return positions;
    }

    private void awaitSealed(long position) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (StoredRows.head(jdbc).position() < position) {
            assertThat(Instant.now()).as("sealed up to " + position).isBefore(deadline);
            sleep(50);
        }
    }

    private JsonNode expectBroken(long position, String problem) {
        JsonNode verdict = api.ok("/integrity/verification");
        assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).as(verdict.toString()).isEqualTo(position);
        assertThat(verdict.get("problem").asText()).as(verdict.toString()).isEqualTo(problem);
        assertThat(verdict.get("checked").asLong()).isEqualTo(position - 1);
        return verdict;
    }

    private void expectVerified() {
        JsonNode verdict = api.ok("/integrity/verification");
        assertThat(verdict.get("verified").asBoolean()).as(verdict.toString()).isTrue();
    }

    private void triggers(boolean enabled) {
        jdbc.execute("ALTER TABLE axon.domain_event_entry " + (enabled ? "ENABLE" : "DISABLE") + " TRIGGER USER");
    }

    /** Swaps two rows' global positions, through a free negative one. */
    private void swap(long first, long second) {
        jdbc.update("UPDATE axon.domain_event_entry SET global_index = ? WHERE global_index = ?", -first, first);
        jdbc.update("UPDATE axon.domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        jdbc.update("UPDATE axon.domain_event_entry SET global_index = ? WHERE global_index = ?", second, -first);
    }

    private void insert(Map<String, Object> row) {
        jdbc.update("""
                        INSERT INTO axon.domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.get("global_index"), row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"),
                row.get("event_identifier"), row.get("meta_data"), row.get("payload"), row.get("payload_revision"),
                row.get("payload_type"), row.get("time_stamp"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
