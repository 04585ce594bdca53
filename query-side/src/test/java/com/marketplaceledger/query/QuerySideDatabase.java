package com.marketplaceledger.query;

import com.marketplaceledger.axon.embedded.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL for the query side's tests, started once per test JVM. */
public final class QuerySideDatabase {

    private static EmbeddedPostgres postgres;

    private QuerySideDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (postgres == null) {
            postgres = EmbeddedDatabase.startEphemeral();
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
