package com.marketplaceledger.query.integrity;

import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.integrity.Seals;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sealer follows the global index, not commit order: it waits at a position a writer has not
 * committed yet, and seals a skipped position absent only after the gap timeout. A sealer of the
 * test's own, with a clock the test moves, works beside the background one (the advisory lock
 * lets one of them seal at a time; both compute the same seals).
 */
class SealerIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant AT = Instant.parse("2026-03-02T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    Serializer serializer;

    private final MovableClock clock = new MovableClock();

    private Sealer sealer() {
        return new Sealer(jdbc, transactions, new IntegrityProperties(false, Duration.ofMillis(500), 1000, Duration.ofSeconds(10)), clock);
    }

    @Test
    void an_event_committed_after_a_later_one_is_chained_in_global_order() throws Exception {
        Sealer sealer = sealer();
        String lateId = UUID.randomUUID().toString();
        long late;
        long after;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            late = appendWithoutCommit(open, lateId);
            after = appendMerchant();

            sealer.sealAvailable();
            assertThat(StoredRows.head(jdbc).position()).isLessThan(late);

            open.commit();
        }
        sealUntil(sealer, after);

        assertThat(jdbc.queryForObject("SELECT event_identifier FROM axon.event_seal WHERE global_index = ?", String.class, late))
                .isEqualTo(lateId);
        assertThat(api().ok("/integrity/verification?from=" + late + "&to=" + after).get("verified").asBoolean()).isTrue();
    }

    @Test
    void a_skipped_position_is_sealed_absent_only_after_the_gap_timeout() {
        Sealer sealer = sealer();
        long skipped = jdbc.queryForObject("SELECT nextval('axon.domain_event_entry_global_index_seq')", Long.class);
        long after = appendMerchant();

        sealer.sealAvailable();
        assertThat(StoredRows.head(jdbc).position()).isLessThan(skipped);

        clock.advance(Duration.ofSeconds(11));
        sealUntil(sealer, after);

        byte[] before = jdbc.queryForObject("SELECT seal FROM axon.event_seal WHERE global_index = ?", byte[].class, skipped - 1);
        var absent = jdbc.queryForMap("SELECT event_identifier, seal FROM axon.event_seal WHERE global_index = ?", skipped);
        assertThat(absent.get("event_identifier")).isNull();
        assertThat((byte[]) absent.get("seal")).isEqualTo(Seals.sealAbsent(before, skipped));
    }

    @Test
    void a_run_of_skipped_positions_is_sealed_absent_one_gap_timeout_after_it_was_first_seen() {
        Sealer sealer = sealer();
        // what an import transaction rolled back by a crash leaves: many numbers that never come
        long firstSkipped = jdbc.queryForObject("SELECT nextval('axon.domain_event_entry_global_index_seq')", Long.class);
        jdbc.queryForList("SELECT nextval('axon.domain_event_entry_global_index_seq') FROM generate_series(1, 199)");
        long after = appendMerchant();

        sealer.sealAvailable();
        assertThat(StoredRows.head(jdbc).position()).isLessThan(firstSkipped);

        clock.advance(Duration.ofSeconds(11));
        sealUntil(sealer, after);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.event_seal WHERE global_index BETWEEN ? AND ? AND event_identifier IS NULL",
                Long.class, firstSkipped, after - 1)).isEqualTo(after - firstSkipped);
    }

    @Test
    void gaps_between_stored_events_are_sealed_absent_one_gap_timeout_after_they_were_first_seen() {
        Sealer sealer = sealer();
        // what an import leaves where lines were refused one by one between recorded ones
        long first = 0;
        long after = 0;
        for (int i = 0; i < 20; i++) {
            long skipped = jdbc.queryForObject("SELECT nextval('axon.domain_event_entry_global_index_seq')", Long.class);
            first = first == 0 ? skipped : first;
            after = appendMerchant();
        }

        sealer.sealAvailable();
        assertThat(StoredRows.head(jdbc).position()).isLessThan(first);

        clock.advance(Duration.ofSeconds(11));
        sealUntil(sealer, after);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.event_seal WHERE global_index BETWEEN ? AND ? AND event_identifier IS NULL",
                Long.class, first, after)).isEqualTo(20);
    }

    /** Seals until the chain reaches {@code position}; the background sealer may hold the lock meanwhile. */
    private void sealUntil(Sealer sealer, long position) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (StoredRows.head(jdbc).position() < position) {
            assertThat(Instant.now()).as("sealed up to " + position).isBefore(deadline);
            sealer.sealAvailable();
        }
    }

    private long appendWithoutCommit(Connection connection, String eventId) throws Exception {
        String merchant = merchant();
        SerializedObject<byte[]> payload = serializer.serialize(registered(merchant), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO axon.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'merchant', ?, ?, ?, ?, ?, ?) RETURNING global_index""")) {
            insert.setString(1, "merchant/" + merchant);
            insert.setString(2, eventId);
            insert.setBytes(3, metaData.getData());
            insert.setBytes(4, payload.getData());
            insert.setString(5, payload.getType().getRevision());
            insert.setString(6, payload.getType().getName());
            insert.setString(7, Instant.now().toString());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String merchant() {
        return "M-sealer-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long appendMerchant() {
        String merchant = merchant();
        return newHistory().append("merchant/" + merchant, registered(merchant));
    }

    private static MerchantRegistered registered(String id) {
        return new MerchantRegistered(MerchantId.of(id), "Sealer Co", "LIC-S", "CN", AT);
    }

    /** The wall clock plus however far the test moved it. */
    private static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
