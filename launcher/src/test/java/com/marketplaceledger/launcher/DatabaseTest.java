package com.marketplaceledger.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's own PostgreSQL, started, killed and recovered for real in a temporary data directory. */
class DatabaseTest {

    @TempDir
    Path data;

    private Database database;

    @AfterEach
    void stop() {
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void theLedgersOwnDatabaseCommitsDurably() throws Exception {
        database = started();

        try (Connection connection = connect()) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "listen_addresses")).isEqualTo("localhost");
        }
    }

    @Test
    void itIsSizedForAServerOfItsOwnAndItsRecoveryIsBounded() throws Exception {
        database = started();

        try (Connection connection = connect()) {
            assertThat(setting(connection, "max_wal_size")).isEqualTo(Database.WAL_SETTINGS.get("max_wal_size"));
            assertThat(setting(connection, "checkpoint_timeout")).isEqualTo(Database.WAL_SETTINGS.get("checkpoint_timeout"));
            assertThat(setting(connection, "shared_preload_libraries")).isEqualTo("pg_prewarm");
            String expectedBuffers = Database.sizedFor(Database.physicalMemory()).get("shared_buffers");
            assertThat(bytes(connection, setting(connection, "shared_buffers")))
                    .isEqualTo(bytes(connection, expectedBuffers)).isGreaterThan(128L * 1024 * 1024);
        }
    }

    @Test
    void anOperatorsSettingsReachTheServerOverTheLaunchersOwn() throws Exception {
        port = freePort();
        var environment = Map.of("LEDGER_DATA_DIR", data.toString(), "LEDGER_EMBEDDED_DB_PORT", Integer.toString(port),
                "LEDGER_EMBEDDED_DB_SETTINGS", "max_wal_size=1GB, work_mem=16MB");
        database = new Database(Settings.fromEnvironment(environment));
        database.start();
        awaitReady(database);

        try (Connection connection = connect()) {
            assertThat(setting(connection, "max_wal_size")).isEqualTo("1GB");
            assertThat(setting(connection, "work_mem")).isEqualTo("16MB");
        }
    }

    @Test
    void buffersAreAQuarterOfTheMemoryWithinBounds() {
        long gib = 1024L * 1024 * 1024;

        assertThat(Database.sizedFor(24 * gib)).containsEntry("shared_buffers", "6144MB")
                .containsEntry("effective_cache_size", "12288MB");
        assertThat(Database.sizedFor(gib / 4)).containsEntry("shared_buffers", "128MB")
                .containsEntry("effective_cache_size", "512MB");
        assertThat(Database.sizedFor(256 * gib)).containsEntry("shared_buffers", "8192MB");
    }

    @Test
    void aServerKilledWithSigkillRecoversEveryCommittedRowOnItsNextStart() throws Exception {
        database = started();
        try (Connection connection = connect()) {
            connection.createStatement().execute("CREATE TABLE acknowledged (n int)");
            connection.createStatement().execute("INSERT INTO acknowledged SELECT generate_series(1, 10000)");
        }

        Processes.signal(database.pid().orElseThrow(), "KILL");
        awaitDead(database);
        database.start();
        awaitReady(database);

        try (Connection connection = connect(); ResultSet count = connection.createStatement()
                .executeQuery("SELECT count(*) FROM acknowledged")) {
            count.next();
            assertThat(count.getLong(1)).isEqualTo(10_000);
        }
        assertThat(Files.readString(data.resolve("logs/postgres.log"))).contains("automatic recovery in progress");
    }

    @Test
    void aServerThatRunsIsTakenOverByANewSupervisorNotStartedTwice() throws Exception {
        database = started();

        Database another = new Database(settings(port));

        assertThat(another.adopt()).isTrue();
        assertThat(another.pid()).isEqualTo(database.pid());
        assertThat(another.ready()).isTrue();
    }

    @Test
    void aLockFileLeftByAPowerLossWhosePidNowBelongsToAnotherProcessDoesNotKeepTheServerDown() throws Exception {
        database = started();
        database.stop();
        // after a reboot the pid in postmaster.pid may be anyone's: here this test's own JVM
        Files.writeString(data.resolve("postgres/postmaster.pid"), ProcessHandle.current().pid() + "\n" + data.resolve("postgres") + "\n");

        database = new Database(settings(port));
        assertThat(database.adopt()).isFalse();
        database.start();

        awaitReady(database);
    }

    @Test
    void recoveryProgressIsTheLatestStartupLineOfTheServersLog() throws IOException {
        Files.createDirectories(data.resolve("logs"));
        Files.write(data.resolve("logs/postgres.log"), List.of(
                "2026-12-07 08:08:41.244 UTC [12387] FATAL:  terminating connection due to unexpected postmaster exit",
                "2026-12-07 08:08:55.278 UTC [12936] LOG:  database system was interrupted; last known up at 2026-12-07 08:07:18 UTC",
                "2026-12-07 08:08:55.355 UTC [12936] LOG:  redo starts at 0/174D340",
                "2026-12-07 08:09:00.355 UTC [12936] LOG:  redo in progress, elapsed time: 5.00 s, current LSN: 0/8A3F2C8",
                "2026-12-07 08:09:00.400 UTC [12940] LOG:  connection received: host=127.0.0.1 port=51234"));

        assertThat(new Database(settings(freePort())).progress())
                .isEqualTo("2026-12-07 08:09:00.355 UTC [12936] LOG:  redo in progress, elapsed time: 5.00 s, current LSN: 0/8A3F2C8");
    }

    private int port;

    private Database started() throws Exception {
        port = freePort();
        Database started = new Database(settings(port));
        started.start();
        awaitReady(started);
        return started;
    }

    private Settings settings(int databasePort) {
        return new Settings(data, data, databasePort, 0, 0, null, "postgres", "", List.of(), "M-1", false, Map.of());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static void awaitReady(Database database) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!database.ready()) {
            assertThat(database.alive()).as("the server runs while it starts").isTrue();
            assertThat(Instant.now()).as("the server accepts connections within a minute").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitDead(Database database) throws InterruptedException {
        while (database.alive()) {
            Thread.sleep(20);
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static long bytes(Connection connection, String size) throws SQLException {
        try (var query = connection.prepareStatement("SELECT pg_size_bytes(?)")) {
            query.setString(1, size);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
