package com.marketplaceledger.axon.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Real PostgreSQL from Maven Central binaries (zonky) for the tests of every module: a random free
 * port and a throwaway data directory. Connect as {@code postgres}, no password (trust
 * authentication on localhost). The ledger's own database is the launcher's.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /**
     * Commit timestamps are kept so that a test can tell which rows one transaction wrote
     * ({@code pg_xact_commit_timestamp(xmin)}; a row's {@code xmin} alone names the savepoint that
     * wrote it).
     */
    public static EmbeddedPostgres startEphemeral() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("track_commit_timestamp", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** JDBC URL for the {@code postgres} database without user parameters (the services pass the user separately). */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }
}
