package com.marketplaceledger.query.progress;

import com.marketplaceledger.axon.EventPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The position the query side has processed, beside the head of the event stream. */
@Component
class StreamProgress {

    record Position(long processed, long head) {
    }

    private final JdbcTemplate jdbc;
    private final EventPositions positions;

    StreamProgress(JdbcTemplate jdbc, EventPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    Position current() {
        Long processed = jdbc.queryForObject(
                "SELECT coalesce(max(position), 0) FROM read_model.stream_progress WHERE projection = ?",
                Long.class, StreamProgressProjection.NAME);
        return new Position(processed == null ? 0 : processed, positions.head());
    }
}
