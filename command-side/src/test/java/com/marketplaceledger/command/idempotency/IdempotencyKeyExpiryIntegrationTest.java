package com.marketplaceledger.command.idempotency;

import com.marketplaceledger.command.support.ApiResponse;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.Requests;
import com.marketplaceledger.command.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Idempotency-Key lives for its retention (24 hours by default) and its claim for the in-flight
 * timeout (a minute), or until the database session that claimed it is gone (its command side was
 * killed): after that the key is unknown, or taken over, and the request runs again, which for a
 * command already recorded is answered "already recorded" and records nothing.
 */
class IdempotencyKeyExpiryIntegrationTest extends LedgerApiTestBase {

    private static final String REPLAYED = "Idempotent-Replayed";

    @Autowired
    private IdempotencyKeyRemoval removal;

    @Test
    void aKeyLeftInFlightByACrashIsAnsweredAlreadyRecordedOnceTheInFlightTimeoutHasPassed() throws SQLException {
        Network network = networkWithSale("M-key-crash");
        String sale = Requests.retailSale("S-2", "L-tea", "D-3");
        String key = newIdempotencyKey();
        // the command committed, then the service was killed before the key got its answer
        ApiResponse recorded = assertAccepted(post(network.merchant() + "/sales", sale));
        update("""
                INSERT INTO command_side.idempotency_key (caller, idempotency_key, fingerprint, created_at)
                VALUES (?, ?, repeat('0', 64), now() - interval '2 minutes')""",
                callerOf(network.merchantId()), key);

        ApiResponse retry = withoutRecording(() -> postWithKey(network.merchant() + "/sales", sale, key));

        assertThat(retry.status()).as("%s", retry).isEqualTo(200);
        assertThat(retry.json().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(retry.position()).isEqualTo(recorded.position());
        assertThat(retry.header(REPLAYED)).isEmpty();
    }

    @Test
    void aKeyClaimedByASessionThatIsGoneIsTakenOverAtOnceAndAnsweredAlreadyRecorded() throws Exception {
        Network network = networkWithSale("M-key-killed");
        String sale = Requests.retailSale("S-2", "L-tea", "D-3");
        String key = newIdempotencyKey();
        ApiResponse recorded = assertAccepted(post(network.merchant() + "/sales", sale));
        // the command side that claimed the key a moment ago was killed: its session ended with it
        Session session;
        try (Connection claimant = TestDatabase.connect()) {
            session = sessionOf(claimant);
        }
        awaitGone(session);
        claim(callerOf(network.merchantId()), key, session);

        ApiResponse retry = withoutRecording(() -> postWithKey(network.merchant() + "/sales", sale, key));

        assertThat(retry.status()).as("%s", retry).isEqualTo(200);
        assertThat(retry.json().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(retry.position()).isEqualTo(recorded.position());
    }

    @Test
    void aKeyClaimedByASessionThatStillRunsStaysInFlight() throws SQLException {
        Network network = networkWithSale("M-key-busy");
        String sale = Requests.retailSale("S-2", "L-tea", "D-3");
        String key = newIdempotencyKey();
        try (Connection claimant = TestDatabase.connect()) {
            claim(callerOf(network.merchantId()), key, sessionOf(claimant));

            ApiResponse retry = withoutRecording(() -> postWithKey(network.merchant() + "/sales", sale, key));

            assertProblem(retry, 409, "idempotent-request-in-progress", "Idempotency-Key");
        }
    }

    @Test
    void theRemovalJobRemovesKeysOlderThanTheRetentionAndKeepsYoungerOnes() throws SQLException {
        String caller = "test-removal-" + UUID.randomUUID();
        // more than a batch of expired keys, and keys just inside the retention
        update("""
                INSERT INTO command_side.idempotency_key (caller, idempotency_key, fingerprint, status, created_at)
                SELECT ?, 'old-' || i, repeat('0', 64), 201, now() - interval '25 hours' FROM generate_series(1, ?) AS i""",
                caller, IdempotencyKeyRemoval.BATCH * 2 + 500);
        update("""
                INSERT INTO command_side.idempotency_key (caller, idempotency_key, fingerprint, status, created_at)
                SELECT ?, 'young-' || i, repeat('0', 64), 201, now() - interval '23 hours' FROM generate_series(1, 3) AS i""",
                caller);

        removal.removeExpired();

        assertThat(count("SELECT count(*) FROM command_side.idempotency_key WHERE caller = ? AND idempotency_key LIKE 'old-%'", caller))
                .isZero();
        assertThat(count("SELECT count(*) FROM command_side.idempotency_key WHERE caller = ? AND idempotency_key LIKE 'young-%'", caller))
                .isEqualTo(3);
    }

    @Test
    void aRequestWithAnExpiredKeyRunsAgainAndIsAnsweredAlreadyRecorded() throws SQLException {
        String merchant = "/merchants/" + registeredMerchant("M-key-expired");
        String key = newIdempotencyKey();
        ApiResponse first = assertAccepted(postWithKey(merchant + "/listings", Requests.publishListing("L-1"), key));
        assertThat(first.status()).isEqualTo(201);
        update("UPDATE command_side.idempotency_key SET created_at = now() - interval '25 hours' WHERE idempotency_key = ?", key);
        removal.removeExpired();

        ApiResponse retry = withoutRecording(() -> postWithKey(merchant + "/listings", Requests.publishListing("L-1"), key));

        assertThat(retry.status()).as("%s", retry).isEqualTo(200);
        assertThat(retry.json().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(retry.position()).isEqualTo(first.position());
        assertThat(retry.header(REPLAYED)).as("not replayed from the removed key").isEmpty();
    }

    /** A database session: its backend's pid and when it started. */
    private record Session(int pid, OffsetDateTime since) {
    }

    private static Session sessionOf(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Session(rows.getInt(1), rows.getObject(2, OffsetDateTime.class));
        }
    }

    private static void awaitGone(Session session) throws SQLException, InterruptedException {
        String alive = "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND backend_start = ?";
        for (int i = 0; i < 100 && count(alive, session.pid(), session.since()) > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(count(alive, session.pid(), session.since())).as("the session has ended").isZero();
    }

    private static void claim(String caller, String key, Session session) throws SQLException {
        update("""
                INSERT INTO command_side.idempotency_key (caller, idempotency_key, fingerprint, claimant_pid, claimant_since)
                VALUES (?, ?, repeat('0', 64), ?, ?)""",
                caller, key, session.pid(), session.since());
    }

    /** Keys belong to the token's subject; a merchant's test token names the merchant. */
    private static String callerOf(String merchantId) {
        return "merchant:" + merchantId;
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
