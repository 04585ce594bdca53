package com.marketplaceledger.query.support;

import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.query.QuerySideApplication;
import com.marketplaceledger.query.QuerySideDatabase;
import com.marketplaceledger.query.consistency.ReadModelPositions;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The query side running for real on the test database, on a random port. Every integration test
 * extends it, so they all share one Spring context (and one set of processors).
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
    @Autowired
    private JdbcTemplate settling;

    /** A history to append to; each stream's sequence numbers count from where this history left off. */
    protected LedgerHistory newHistory() {
        return new LedgerHistory(eventStore, positions, readModels);
    }

    /**
     * Until the continuous detection has judged every network with new events and the read models
     * hold the alerts it raised: the point where a test's history stops changing by itself.
     */
    protected void awaitDetectionSettled() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            newHistory().awaitHead();
            Integer pending = settling.queryForObject("SELECT count(*) FROM read_model.detection_pending", Integer.class);
            long head = positions.head();
            if (pending == 0 && readModels.allHaveProcessed(head) && positions.head() == head) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("detection did not settle: " + pending + " networks pending");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Until {@code condition} holds, for half a minute at most. */
    protected static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    protected QueryApi api() {
        return new QueryApi(port);
    }
}
