package com.marketplaceledger.query.progress;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The position the query side has processed, beside the head of the event stream. */
@Component
class StreamProgress {

    record Position(long processed, long head) {
    }

    private final JdbcTemplate jdbc;

    StreamProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Position current() {
        Long processed = jdbc.queryForObject(
                "SELECT coalesce(max(position), 0) FROM read_model.stream_progress WHERE projection = ?",
                Long.class, StreamProgressProjection.NAME);
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM axon.domain_event_entry", Long.class);
        return new Position(processed == null ? 0 : processed, head == null ? 0 : head);
    }
}
