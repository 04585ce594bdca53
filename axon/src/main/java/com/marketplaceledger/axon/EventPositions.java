package com.marketplaceledger.axon;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.OptionalLong;

/**
 * Positions in the global event stream. The JDBC engine lets PostgreSQL assign the global index,
 * so after a command the position of its last event is read back from the stream it appended to.
 */
public class EventPositions {

    private final JdbcTemplate jdbc;
    private final EventSchema schema;

    EventPositions(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** The global position of the newest event of one stream, if it has any. */
    public OptionalLong lastPositionOf(String streamId) {
        Long position = jdbc.queryForObject(
                "SELECT max(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
                        + " WHERE " + schema.aggregateIdentifierColumn() + " = ?",
                Long.class, streamId);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The newest position in the whole store, or 0 when it is empty. */
    public long head() {
        Long position = jdbc.queryForObject(
                "SELECT coalesce(max(" + schema.globalIndexColumn() + "), 0) FROM " + schema.domainEventTable(), Long.class);
        return position == null ? 0 : position;
    }
}
