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
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(EmbeddedDatabase.persistent(data, port));
             Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet fsync = connection.createStatement().executeQuery("SHOW fsync");
             ResultSet synchronousCommit = connection.createStatement().executeQuery("SHOW synchronous_commit")) {
            fsync.next();
            synchronousCommit.next();

            assertThat(fsync.getString(1)).isEqualTo("on");
            assertThat(synchronousCommit.getString(1)).isEqualTo("on");
        }
    }
}
