package com.marketplaceledger.query.progress;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follows every event of the ledger and records the highest global position seen. Idempotent
 * and replay-safe: a redelivered or replayed event never moves the position backwards.
 */
@Component
@ProcessingGroup(StreamProgressProjection.NAME)
class StreamProgressProjection {

    static final String NAME = "stream-progress";

    private final JdbcTemplate jdbc;

    StreamProgressProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object event, TrackingToken token) {
        long position = token.position().orElseThrow();
        jdbc.update("""
                INSERT INTO read_model.stream_progress (projection, position) VALUES (?, ?)
                ON CONFLICT (projection) DO UPDATE
                    SET position = greatest(stream_progress.position, excluded.position), updated_at = now()""",
                NAME, position);
    }
}
