package com.marketplaceledger.axon.readmodel;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Collects a projection's writes for the whole batch its processor is handling and flushes them
 * once, just before the batch's transaction commits together with the processor's token (a
 * round trip per event is what makes a naive projection crawl). If the flush fails, the batch rolls back with its token and
 * the processor retries it, so no event is skipped and none is applied twice.
 */
public final class BatchBuffer {

    private BatchBuffer() {
    }

    /**
     * The buffer of the current batch under {@code key}: created by {@code factory} on the batch's
     * first event, written by {@code flush} when the batch commits.
     */
    public static <T> T current(String key, Supplier<T> factory, Consumer<T> flush) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(key, k -> {
            T buffer = factory.get();
            batch.onPrepareCommit(u -> flush.accept(buffer));
            return buffer;
        });
    }
}
