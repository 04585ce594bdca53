package com.marketplaceledger.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The first answer given to each Idempotency-Key of each caller (token subject). A key is claimed
 * before the request runs, so a concurrent retry sees it in flight; a claim left by a crashed
 * request expires after a minute.
 */
@Component
class IdempotencyKeys {

    record Stored(String fingerprint, Integer status, String contentType, byte[] body) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this request now owns the caller's key; otherwise what is stored under it. */
    boolean claim(String caller, String key, String fingerprint) {
        return jdbc.update("""
                INSERT INTO command_side.idempotency_key (caller, idempotency_key, fingerprint) VALUES (?, ?, ?)
                ON CONFLICT (caller, idempotency_key) DO UPDATE
                    SET fingerprint = excluded.fingerprint, created_at = now()
                    WHERE idempotency_key.status IS NULL AND idempotency_key.created_at < now() - interval '1 minute'""",
                caller, key, fingerprint) == 1;
    }

    Optional<Stored> find(String caller, String key) {
        return jdbc.query("""
                        SELECT fingerprint, status, content_type, body FROM command_side.idempotency_key
                        WHERE caller = ? AND idempotency_key = ?""",
                (rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)),
                caller, key).stream().findFirst();
    }

    void complete(String caller, String key, int status, String contentType, byte[] body) {
        jdbc.update("""
                        UPDATE command_side.idempotency_key SET status = ?, content_type = ?, body = ?
                        WHERE caller = ? AND idempotency_key = ?""",
                status, contentType, body, caller, key);
    }

    void release(String caller, String key) {
        jdbc.update("DELETE FROM command_side.idempotency_key WHERE caller = ? AND idempotency_key = ? AND status IS NULL",
                caller, key);
    }
}
