package com.marketplaceledger.command.idempotency;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Removes the idempotency keys kept longer than their retention, every minute. Each statement
 * removes a bounded batch, so that none holds many rows locked or runs long beside the requests.
 */
@Component
@EnableScheduling
class IdempotencyKeyRemoval {

    static final int BATCH = 1000;

    private final IdempotencyKeys keys;

    IdempotencyKeyRemoval(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void removeExpired() {
        int removed;
        do {
            removed = keys.removeExpired(BATCH);
        } while (removed == BATCH);
    }
}
