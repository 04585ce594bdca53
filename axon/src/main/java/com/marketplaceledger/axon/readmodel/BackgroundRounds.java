package com.marketplaceledger.axon.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work done in rounds on a thread of its own while the application runs, a fixed delay apart: a
 * round that fails is logged and the work is tried again the next round.
 */
public abstract class BackgroundRounds implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRounds.class);

    private final String name;
    private final boolean enabled;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    protected BackgroundRounds(String name, boolean enabled, Duration interval) {
        this.name = name;
        this.enabled = enabled;
        this.interval = interval;
    }

    protected abstract void round();

    private void safely() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.warn("{}: a round failed; trying again in {}", name, interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (enabled) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
            scheduler.scheduleWithFixedDelay(this::safely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
