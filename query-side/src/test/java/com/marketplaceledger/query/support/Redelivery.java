package com.marketplaceledger.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Hands one event straight to a projection's handler in a unit of work and transaction of its
 * own, as a processor would, so a test can deliver the same event message twice.
 */
public final class Redelivery {

    private final TransactionTemplate transactions;

    public Redelivery(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    public <E> void deliver(E event, String eventId, BiConsumer<E, EventMessage<?>> handler) {
        EventMessage<E> message = new GenericEventMessage<>(eventId, event, Map.of(), Instant.now());
        transactions.executeWithoutResult(status -> {
            var unitOfWork = DefaultUnitOfWork.startAndGet(message);
            try {
                handler.accept(event, message);
                unitOfWork.commit();
            } catch (RuntimeException e) {
                unitOfWork.rollback(e);
                throw e;
            }
        });
    }
}
