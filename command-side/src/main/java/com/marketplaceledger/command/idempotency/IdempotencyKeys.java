package com.marketplaceledger.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The first answer given to each Idempotency-Key of each caller (token subject). A key is claimed
 * before the request runs, so a concurrent retry sees it in flight. A claim left by a crashed
 * command side is taken over at once: the claim names the database session that made it, a
 * connection of the claimant's pool, which PostgreSQL ends with the process (every command side
 * connects as the same role, so it sees the others' sessions in {@code pg_stat_activity}). Any other claim
 * without an answer is taken over after the in-flight timeout. Keys are kept for their retention,
 * then removed ({@link IdempotencyKeyRemoval}): a key then is unknown, and its request runs again.
 */
@Component
@EnableConfigurationProperties(IdempotencyKeys.Settings.class)
class IdempotencyKeys {

    /**
     * How long keys live (prefix {@code ledger.idempotency}).
     *
     * @param retention       how long a key and its answer are kept
     * @param inFlightTimeout how long a claimed key without an answer belongs to its request
     */
    @ConfigurationProperties("ledger.idempotency")
    record Settings(@DefaultValue("24h") Duration retention, @DefaultValue("1m") Duration inFlightTimeout) {
        Settings {
            if (inFlightTimeout.isNegative() || inFlightTimeout.isZero() || inFlightTimeout.compareTo(retention) > 0) {
                throw new IllegalArgumentException("the in-flight timeout must be positive and no longer than the retention");
            }
        }
    }

    record Stored(String fingerprint, Integer status, String contentType, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final Settings settings;

    IdempotencyKeys(JdbcClient jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** True when this request now owns the caller's key; otherwise what is stored under it. */
    boolean claim(String caller, String key, String fingerprint) {
        return jdbc.sql("""
                        INSERT INTO command_side.idempotency_key
                            (caller, idempotency_key, fingerprint, claimant_pid, claimant_since)
                        VALUES (:caller, :key, :fingerprint, pg_backend_pid(),
                                (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()))
                        ON CONFLICT (caller, idempotency_key) DO UPDATE
                            SET fingerprint = excluded.fingerprint, created_at = now(),
                                claimant_pid = excluded.claimant_pid, claimant_since = excluded.claimant_since
                            WHERE idempotency_key.status IS NULL
                              AND (idempotency_key.created_at < now() - CAST(:inFlightTimeout AS interval)
                                   OR idempotency_key.claimant_since IS NOT NULL AND NOT EXISTS (
                                       SELECT 1 FROM pg_stat_activity AS claimant
                                       WHERE claimant.pid = idempotency_key.claimant_pid
                                         AND claimant.backend_start = idempotency_key.claimant_since))""")
                .param("caller", caller)
                .param("key", key)
                .param("fingerprint", fingerprint)
                // ISO 8601 (PT1M), which PostgreSQL reads as an interval
                .param("inFlightTimeout", settings.inFlightTimeout().toString())
                .update() == 1;
    }

    Optional<Stored> find(String caller, String key) {
        return jdbc.sql("""
                        SELECT fingerprint, status, content_type, body
                        FROM command_side.idempotency_key
                        WHERE caller = :caller AND idempotency_key = :key""")
                .param("caller", caller)
                .param("key", key)
                .query(Stored.class)
                .optional();
    }

    void complete(String caller, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        UPDATE command_side.idempotency_key SET status = :status, content_type = :contentType, body = :body
                        WHERE caller = :caller AND idempotency_key = :key""")
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .param("caller", caller)
                .param("key", key)
                .update();
    }

    void release(String caller, String key) {
        jdbc.sql("""
                        DELETE FROM command_side.idempotency_key
                        WHERE caller = :caller AND idempotency_key = :key AND status IS NULL""")
                .param("caller", caller)
                .param("key", key)
                .update();
    }

    /** Removes at most {@code batch} keys older than the retention, oldest first; answers how many. */
    int removeExpired(int batch) {
        return jdbc.sql("""
                        DELETE FROM command_side.idempotency_key
                        WHERE (caller, idempotency_key) IN (
                            SELECT caller, idempotency_key FROM command_side.idempotency_key
                            WHERE created_at < now() - CAST(:retention AS interval)
                            ORDER BY created_at
                            LIMIT :batch)""")
                .param("retention", settings.retention().toString())
                .param("batch", batch)
                .update();
    }
}
