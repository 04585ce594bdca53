package com.marketplaceledger.axon;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;

/**
 * Migrates the event store schema at start-up, before any Axon component touches it. It has its
 * own Flyway history in its own schema, apart from each service's read or directory schema, so
 * either service may run it first; Flyway's lock makes concurrent starts safe. Not a Flyway bean,
 * so that Boot still migrates the service's own schema.
 */
public class EventStoreSchema implements InitializingBean {

    private final Flyway flyway;

    EventStoreSchema(DataSource dataSource, String schema) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/axon")
                .load();
    }

    @Override
    public void afterPropertiesSet() {
        flyway.migrate();
    }
}
