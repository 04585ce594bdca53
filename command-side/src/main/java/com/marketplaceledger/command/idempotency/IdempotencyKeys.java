package com.marketplaceledger.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The first answer given to each Idempotency-Key. A key is claimed before the request runs, so a
 * concurrent retry sees it in flight; a claim left by a crashed request expires after a minute.
 */
@Component
class IdempotencyKeys {

    record Stored(String fingerprint, Integer status, String contentType, byte[] body) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this request now owns the key; otherwise what is stored under it. */
    boolean claim(String key, String fingerprint) {
        return jdbc.update("""
                INSERT INTO command_side.idempotency_key (idempotency_key, fingerprint) VALUES (?, ?)
                ON CONFLICT (idempotency_key) DO UPDATE
                    SET fingerprint = excluded.fingerprint, created_at = now()
                    WHERE idempotency_key.status IS NULL AND idempotency_key.created_at < now() - interval '1 minute'""",
                key, fingerprint) == 1;
    }

    Optional<Stored> find(String key) {
        return jdbc.query("""
                        SELECT fingerprint, status, content_type, body FROM command_side.idempotency_key
                        WHERE idempotency_key = ?""",
                (rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)),
                key).stream().findFirst();
    }

    void complete(String key, int status, String contentType, byte[] body) {
        jdbc.update("UPDATE command_side.idempotency_key SET status = ?, content_type = ?, body = ? WHERE idempotency_key = ?",
                status, contentType, body, key);
    }

    void release(String key) {
        jdbc.update("DELETE FROM command_side.idempotency_key WHERE idempotency_key = ? AND status IS NULL", key);
    }
}
