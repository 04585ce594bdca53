package com.marketplaceledger.query.integrity;

import com.marketplaceledger.shared.integrity.SealedEvent;
import com.marketplaceledger.shared.integrity.Seals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.util.List;

/** The event table's rows exactly as stored, and the seal table, read by position. */
final class StoredRows {

    /** A stored seal; {@code eventIdentifier} is null for a position sealed absent. */
    record StoredSeal(long position, String eventIdentifier, byte[] seal, Instant sealedAt) {

        boolean absent() {
            return eventIdentifier == null;
        }
    }

    /** The last seal, or position 0 with the genesis seal before the first. */
    record Head(long position, byte[] seal, Instant sealedAt) {
    }

    private static final RowMapper<SealedEvent> EVENT = (row, n) -> new SealedEvent(
            row.getLong("global_index"), row.getString("event_identifier"), row.getString("type"),
            row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("payload_type"),
            row.getString("payload_revision"), row.getBytes("payload"), row.getBytes("meta_data"),
            row.getString("time_stamp"));

    private static final RowMapper<StoredSeal> SEAL = (row, n) -> new StoredSeal(
            row.getLong("global_index"), row.getString("event_identifier"), row.getBytes("seal"),
            row.getTimestamp("sealed_at").toInstant());

    private static final String EVENT_COLUMNS = """
            SELECT global_index, event_identifier, type, aggregate_identifier, sequence_number, payload_type,
                   payload_revision, payload, meta_data, time_stamp FROM axon.domain_event_entry""";

    private StoredRows() {
    }

    static Head head(JdbcTemplate jdbc) {
        List<Head> last = jdbc.query(
                "SELECT global_index, seal, sealed_at FROM axon.event_seal ORDER BY global_index DESC LIMIT 1",
                (row, n) -> new Head(row.getLong(1), row.getBytes(2), row.getTimestamp(3).toInstant()));
        return last.isEmpty() ? new Head(0, Seals.GENESIS, null) : last.get(0);
    }

    static List<SealedEvent> eventsAfter(JdbcTemplate jdbc, long position, int limit) {
        return jdbc.query(EVENT_COLUMNS + " WHERE global_index > ? ORDER BY global_index LIMIT ?", EVENT, position, limit);
    }

    static List<SealedEvent> events(JdbcTemplate jdbc, long from, long to) {
        return jdbc.query(EVENT_COLUMNS + " WHERE global_index BETWEEN ? AND ? ORDER BY global_index", EVENT, from, to);
    }

    static List<StoredSeal> seals(JdbcTemplate jdbc, long from, long to) {
        return jdbc.query("""
                SELECT global_index, event_identifier, seal, sealed_at FROM axon.event_seal
                WHERE global_index BETWEEN ? AND ? ORDER BY global_index""", SEAL, from, to);
    }
}
