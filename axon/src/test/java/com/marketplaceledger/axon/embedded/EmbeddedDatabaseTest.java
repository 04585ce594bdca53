package com.marketplaceledger.axon.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path data;

    @Test
    void theLedgersOwnDatabaseCommitsDurably() throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(EmbeddedDatabase.persistent(data, freePort()));
             Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet fsync = connection.createStatement().executeQuery("SHOW fsync");
             ResultSet synchronousCommit = connection.createStatement().executeQuery("SHOW synchronous_commit")) {
            fsync.next();
            synchronousCommit.next();

            assertThat(fsync.getString(1)).isEqualTo("on");
            assertThat(synchronousCommit.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void theLedgersOwnDatabaseIsSizedForAServerOfItsOwn() throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(EmbeddedDatabase.persistent(data, freePort()));
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(setting(connection, "max_wal_size")).isEqualTo("8GB");
            assertThat(setting(connection, "checkpoint_timeout")).isEqualTo("15min");
            assertThat(setting(connection, "shared_preload_libraries")).isEqualTo("pg_prewarm");
            String expectedBuffers = EmbeddedDatabase.sizedFor(EmbeddedDatabase.physicalMemory()).get("shared_buffers");
            assertThat(bytes(connection, setting(connection, "shared_buffers")))
                    .isEqualTo(bytes(connection, expectedBuffers)).isGreaterThan(128L * 1024 * 1024);
        }
    }

    @Test
    void buffersAreAQuarterOfTheMemoryWithinBounds() {
        long gib = 1024L * 1024 * 1024;

        assertThat(EmbeddedDatabase.sizedFor(24 * gib)).containsEntry("shared_buffers", "6144MB")
                .containsEntry("effective_cache_size", "12288MB");
        assertThat(EmbeddedDatabase.sizedFor(gib / 4)).containsEntry("shared_buffers", "128MB")
                .containsEntry("effective_cache_size", "512MB");
        assertThat(EmbeddedDatabase.sizedFor(256 * gib)).containsEntry("shared_buffers", "8192MB");
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
