package com.marketplaceledger.query.operations;

import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read model for the operations tests only (registered by the test, never scanned): it records
 * every event it handles, and rejects a merchant named {@value #POISON} while {@link #poisoned}.
 * Its handler can be held, so that a replay lasts as long as a test needs.
 */
@ProcessingGroup(PoisonTestProjection.NAME)
class PoisonTestProjection {

    static final String NAME = "poison-test";
    static final String POISON = "POISON";
    /** A merchant of this name fails the flush of its batch while {@link #flushFailures} is positive. */
    static final String FLUSH_FAILS = "FLUSH-FAILS";

    /** What the handler saw of one event: its position (from the token) and its batch. */
    record Handled(String eventId, Long position, boolean replay, List<String> batch) {
    }

    volatile boolean poisoned;
    final Map<String, Handled> handled = new ConcurrentHashMap<>();
    final List<String> order = new CopyOnWriteArrayList<>();
    /** The batch in which each rejected event was first rejected: the ids of every event of its unit of work. */
    final Map<String, List<String>> rejectedBatches = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();
    final AtomicInteger flushFailures = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    /** How many handler calls have met a held gate. */
    final AtomicInteger waiting = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile String heldStream;

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) throws InterruptedException {
        String held = heldStream;
        boolean isHeld = held == null || (event instanceof DomainEventMessage<?> domain && held.equals(domain.getAggregateIdentifier()));
        if (isHeld) {
            waiting.incrementAndGet();
        }
        if (isHeld && !gate.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test held the handler for more than 30 s");
        }
        List<String> batch = batch();
        if (payload instanceof MerchantRegistered registered && FLUSH_FAILS.equals(registered.name())
                && flushFailures.get() > 0) {
            // Like a BatchBuffer whose flush fails: the whole batch rolls back and is retried.
            CurrentUnitOfWork.get().root().onPrepareCommit(u -> {
                if (flushFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("the test projection fails the flush of this batch");
                }
            });
        }
        if (poisoned && payload instanceof MerchantRegistered registered && POISON.equals(registered.name())) {
            rejectedBatches.putIfAbsent(event.getIdentifier(), batch);
            rejections.computeIfAbsent(event.getIdentifier(), id -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("the test projection rejects merchant " + registered.merchantId().value()
                    + " named " + POISON);
        }
        Long position = token == null || token.position().isEmpty() ? null : token.position().getAsLong();
        handled.put(event.getIdentifier(), new Handled(event.getIdentifier(), position,
                org.axonframework.eventhandling.ReplayToken.isReplay(token), batch));
        order.add(event.getIdentifier());
    }

    @ResetHandler
    void reset() {
        handled.clear();
        order.clear();
        resets.incrementAndGet();
    }

    /** Holds every handler call until {@link #release()}. */
    void hold() {
        heldStream = null;
        gate = new CountDownLatch(1);
    }

    /** Holds the handler calls for the events of one stream until {@link #release()}. */
    void hold(String stream) {
        heldStream = stream;
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    private static List<String> batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root instanceof BatchingUnitOfWork<?> batching) {
            return batching.getMessages().stream().map(message -> message.getIdentifier()).toList();
        }
        return List.of(root.getMessage() == null ? "none" : root.getMessage().getIdentifier());
    }
}
