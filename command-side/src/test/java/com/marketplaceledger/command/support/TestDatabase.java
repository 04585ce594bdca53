package com.marketplaceledger.command.support;

import com.marketplaceledger.axon.embedded.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped by zonky's shutdown hook.
 * Every integration test shares it (and the one Spring context that points at it).
 */
public final class TestDatabase {

    private static volatile EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            postgres = EmbeddedDatabase.startEphemeral();
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return EmbeddedDatabase.jdbcUrl(instance().getPort());
    }

    public static String user() {
        return "postgres";
    }

    /** A plain connection, outside Spring, for reading (or trying to tamper with) the event table directly. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), "");
    }
}
