package com.marketplaceledger.simulator;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The clock of a simulation: actions scheduled at business times (epoch seconds) run in time
 * order, ties in the order they were scheduled. Each participant keeps only its next step here,
 * so the queue holds the active members, never the whole history.
 */
final class Timeline {

    private record Entry(long at, long sequence, Runnable action) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.comparingLong(Entry::at).thenComparingLong(Entry::sequence));
    private long sequence;
    private long now;

    Timeline(long start) {
        now = start;
    }

    long now() {
        return now;
    }

    void at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalStateException("cannot schedule at " + time + ", before now " + now);
        }
        queue.add(new Entry(time, sequence++, action));
    }

    void run() {
        for (Entry next = queue.poll(); next != null; next = queue.poll()) {
            now = next.at();
            next.action().run();
        }
    }
}
