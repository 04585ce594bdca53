package com.marketplaceledger.query.support;

import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.query.QuerySideDatabase;
import com.marketplaceledger.query.consistency.ReadModelPositions;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side running for real on the test database, on a random port. Every integration test
 * extends it, so they all share one Spring context (and one set of processors).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QuerySideIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        QuerySideDatabase.register(registry);
    }

    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected EventPositions positions;
    @Autowired
    protected ReadModelPositions readModels;
    @LocalServerPort
    protected int port;

    /** A history to append to; each stream's sequence numbers count from where this history left off. */
    protected LedgerHistory newHistory() {
        return new LedgerHistory(eventStore, positions, readModels);
    }

    protected QueryApi api() {
        return new QueryApi(port);
    }
}
