package com.marketplaceledger.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.query.export.ExportSelection.Entity;
import com.marketplaceledger.query.export.ExportSelection.Positions;
import com.marketplaceledger.query.export.ExportSelection.RecordedBetween;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.integrity.ExportedEvent;
import com.marketplaceledger.shared.integrity.SealedEvent;
import com.marketplaceledger.shared.integrity.Seals;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Map;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes sealed positions with their seals as NDJSON, straight from a database cursor: the rows are
 * fetched {@value #FETCH_SIZE} at a time and written as they come, so an export of any size needs
 * no more memory than that. The whole export reads one snapshot, so it ends where the seals ended
 * when it began. Only sealed positions are exported: an event not sealed yet has nothing to verify.
 */
@Component
class Exports {

    static final int FETCH_SIZE = 500;

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    /**
     * A seal, the seal before it (what a line is checked from) and the stored row, if any. A
     * position is exported as absent when the event table has no row there, whatever its seal
     * says, so an export shows the store as it is and verification finds a deleted row.
     */
    private static final String SELECT = """
            SELECT s.global_index, s.seal, p.seal AS previous_seal, e.event_identifier, e.type, e.aggregate_identifier,
                   e.sequence_number, e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp
              FROM axon.event_seal s
              LEFT JOIN axon.event_seal p ON p.global_index = s.global_index - 1
              LEFT JOIN axon.domain_event_entry e ON e.global_index = s.global_index
             WHERE\s""";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;

    Exports(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // PostgreSQL's driver fetches by cursor only inside a transaction and with a fetch size
        this.cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Refuses an entity the audit trail has never seen (404), as the audit trail does, before anything is written. */
    void requireKnown(ExportSelection selection) {
        if (selection instanceof Entity entity) {
            if (!subjectExists(entity.merchantId(), "merchant", entity.merchantId())) {
                throw QueryRefused.notFound("merchant", entity.merchantId());
            }
            if (!subjectExists(entity.merchantId(), entity.entityType(), entity.entityId())) {
                throw new QueryRefused(HttpStatus.NOT_FOUND, "unknown-" + entity.entityType(), "entityId", "of-merchant",
                        Map.of("id", entity.entityId(), "merchantId", entity.merchantId()));
            }
        }
    }

    /** Writes the selected positions, one line each, in position order. */
    void write(ExportSelection selection, OutputStream out) {
        var sql = new StringBuilder(SELECT);
        var parameters = new ArrayList<Object>();
        where(selection, sql, parameters);
        sql.append(" ORDER BY s.global_index");
        snapshot.executeWithoutResult(status -> cursor.query(sql.toString(), new Lines(out), parameters.toArray()));
    }

    private static void where(ExportSelection selection, StringBuilder sql, List<Object> parameters) {
        if (selection instanceof Positions positions) {
            sql.append("s.global_index >= ?");
            parameters.add(positions.from());
            if (positions.to() != null) {
                sql.append(" AND s.global_index <= ?");
                parameters.add(positions.to());
            }
        } else if (selection instanceof Entity entity) {
            sql.append("""
                    s.global_index IN (SELECT position FROM read_model.audit_subject
                                        WHERE merchant_id = ? AND entity_type = ? AND entity_id = ?)""");
            parameters.addAll(List.of(entity.merchantId(), entity.entityType(), entity.entityId()));
        } else if (selection instanceof RecordedBetween span) {
            // the stored text is an ISO-8601 instant; absent positions have no time and drop out. The
            // event table has no index on it: a span is read in one pass over the table, streamed
            sql.append("e.global_index IS NOT NULL");
            if (span.from() != null) {
                sql.append(" AND e.time_stamp::timestamptz >= ?");
                parameters.add(OffsetDateTime.ofInstant(span.from(), ZoneOffset.UTC));
            }
            if (span.to() != null) {
                sql.append(" AND e.time_stamp::timestamptz < ?");
                parameters.add(OffsetDateTime.ofInstant(span.to(), ZoneOffset.UTC));
            }
        }
    }

    private boolean subjectExists(String merchantId, String entityType, String entityId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM read_model.audit_subject
                                        WHERE merchant_id = ? AND entity_type = ? AND entity_id = ?)""",
                Boolean.class, merchantId, entityType, entityId));
    }

    /** Each row as one line of NDJSON. */
    private record Lines(OutputStream out) implements RowCallbackHandler {

        @Override
        public void processRow(ResultSet row) throws SQLException {
            long position = row.getLong("global_index");
            byte[] seal = row.getBytes("seal");
            byte[] previous = row.getBytes("previous_seal");
            if (previous == null && position == 1) {
                previous = Seals.GENESIS;
            }
            ExportedEvent line;
            if (row.getString("event_identifier") == null) {
                line = ExportedEvent.absent(position, seal, previous);
            } else {
                var event = new SealedEvent(position, row.getString("event_identifier"), row.getString("type"),
                        row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("payload_type"),
                        row.getString("payload_revision"), row.getBytes("payload"), row.getBytes("meta_data"),
                        row.getString("time_stamp"));
                line = ExportedEvent.of(event, parsed(event.payload()), seal, previous);
            }
            try {
                out.write(JSON.writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("the export's client went away at position " + position, e);
            }
        }

        /** The payload for people to read; the stored bytes are what counts, so one that is not JSON is left out. */
        private static JsonNode parsed(byte[] payload) {
            try {
                return JSON.readTree(payload);
            } catch (IOException notJson) {
                return null;
            }
        }
    }
}
