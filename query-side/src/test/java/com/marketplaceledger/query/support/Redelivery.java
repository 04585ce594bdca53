package com.marketplaceledger.query.support;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Hands one event straight to a projection's handler in a unit of work and transaction of its
 * own, as a processor would, so a test can deliver the same event twice.
 */
public final class Redelivery {

    private final TransactionTemplate transactions;

    public Redelivery(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    public <E> void deliver(E event, long position, BiConsumer<E, TrackingToken> handler) {
        transactions.executeWithoutResult(status -> {
            var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(event));
            try {
                handler.accept(event, new GapAwareTrackingToken(position, List.of()));
                unitOfWork.commit();
            } catch (RuntimeException e) {
                unitOfWork.rollback(e);
                throw e;
            }
        });
    }
}
