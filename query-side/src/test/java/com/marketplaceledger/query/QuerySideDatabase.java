package com.marketplaceledger.query;

import com.marketplaceledger.axon.embedded.EmbeddedDatabase;
import com.marketplaceledger.query.support.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL for the query side's tests, started once per test JVM. */
public final class QuerySideDatabase {

    private static EmbeddedPostgres postgres;

    private QuerySideDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", QuerySideDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
    }

    /** The database's URL, also for other processes of a test (the command side). */
    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            postgres = EmbeddedDatabase.startEphemeral();
        }
        return EmbeddedDatabase.jdbcUrl(postgres.getPort());
    }
}
