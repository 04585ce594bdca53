package com.marketplaceledger.query.audit;

import com.marketplaceledger.axon.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail tables; every list is ordered by global position. */
@Component
class AuditTrailQueries {

    /** A time range on one axis; either end may be open. {@code from} is inclusive, {@code to} exclusive. */
    record TimeRange(TimeAxis axis, Instant from, Instant to) {
    }

    private static final String COLUMNS = """
            e.position, e.event_id, e.payload_type, e.payload_revision, e.stream_id, e.sequence_number,
            e.merchant_id, e.occurred_at, e.recorded_at, e.actor, e.actor_roles, e.payload::text AS payload""";

    private static final RowMapper<AuditEntry> ENTRY = (row, n) -> new AuditEntry(
            row.getLong("position"), row.getString("event_id"), row.getString("payload_type"),
            row.getString("payload_revision"), row.getString("stream_id"), row.getLong("sequence_number"),
            row.getString("merchant_id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("actor"),
            row.getString("actor_roles"), row.getString("payload"));

    private final JdbcTemplate jdbc;

    AuditTrailQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The events of one merchant's entity (the merchant itself included), one page more than asked. */
    List<AuditEntry> trail(String merchantId, EntityType type, String entityId, TimeRange range, Paging paging) {
        var sql = new StringBuilder("SELECT ").append(COLUMNS).append("""
                 FROM read_model.audit_subject s JOIN read_model.audit_event e ON e.position = s.position
                WHERE s.merchant_id = ? AND s.entity_type = ? AND s.entity_id = ?""");
        var parameters = new ArrayList<Object>(List.of(merchantId, type.wireName(), entityId));
        // the subject rows carry both times, so the range is applied in the trail's own index
        appendRange(sql, parameters, "s", range);
        sql.append(" ORDER BY s.position LIMIT ? OFFSET ?");
        parameters.add(paging.limit());
        parameters.add(paging.offset());
        return jdbc.query(sql.toString(), ENTRY, parameters.toArray());
    }

    /** Every merchant's events, one page more than asked. */
    /** One event by its identifier, as alerts name their evidence. */
    java.util.Optional<AuditEntry> event(String eventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model.audit_event e WHERE e.event_id = ?", ENTRY, eventId)
                .stream().findFirst();
    }

    List<AuditEntry> all(TimeRange range, Paging paging) {
        var sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM read_model.audit_event e WHERE true");
        var parameters = new ArrayList<Object>();
        appendRange(sql, parameters, "e", range);
        sql.append(" ORDER BY e.position LIMIT ? OFFSET ?");
        parameters.add(paging.limit());
        parameters.add(paging.offset());
        return jdbc.query(sql.toString(), ENTRY, parameters.toArray());
    }

    /** Whether any event concerns this entity of this merchant. */
    boolean exists(String merchantId, EntityType type, String entityId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM read_model.audit_subject
                                        WHERE merchant_id = ? AND entity_type = ? AND entity_id = ?)""",
                Boolean.class, merchantId, type.wireName(), entityId));
    }

    private static void appendRange(StringBuilder sql, List<Object> parameters, String alias, TimeRange range) {
        String column = alias + "." + range.axis().column();
        if (range.from() != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            parameters.add(OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
        }
        if (range.to() != null) {
            sql.append(" AND ").append(column).append(" < ?");
            parameters.add(OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
        }
    }
}
