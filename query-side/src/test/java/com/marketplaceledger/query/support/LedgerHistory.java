package com.marketplaceledger.query.support;

import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.query.consistency.ReadModelPositions;
import com.marketplaceledger.shared.LedgerEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends events to the real event store, as the command side would (each stream numbered from 0),
 * and waits until every read model has processed them.
 */
public final class LedgerHistory {

    private final EventStore eventStore;
    private final EventPositions positions;
    private final ReadModelPositions readModels;
    /** Concurrent: a test may append to one stream while its hook in a judgement appends to another. */
    private final Map<String, Long> nextSequence = new ConcurrentHashMap<>();

    public LedgerHistory(EventStore eventStore, EventPositions positions, ReadModelPositions readModels) {
        this.eventStore = eventStore;
        this.positions = positions;
        this.readModels = readModels;
    }

    /** Appends the event to {@code stream} and returns its global position. */
    public long append(String stream, LedgerEvent event) {
        long sequence = nextSequence.merge(stream, 0L, (current, ignored) -> current + 1);
        eventStore.publish(new GenericDomainEventMessage<>(stream.substring(0, stream.indexOf('/')), stream, sequence, event));
        return positions.lastPositionOf(stream).orElseThrow();
    }

    /** Appends the events and waits until the read models hold them all. */
    public long appendAndAwait(String stream, LedgerEvent... events) {
        long last = 0;
        for (LedgerEvent event : events) {
            last = append(stream, event);
        }
        awaitProcessed(last);
        return last;
    }

    public void awaitProcessed(long position) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!readModels.allHaveProcessed(position)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("read models did not reach position " + position + ": " + readModels.processedPositions());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public void awaitHead() {
        awaitProcessed(positions.head());
    }
}
