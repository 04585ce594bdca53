package com.marketplaceledger.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the ledger acknowledged to the suite's clients: for every stream, how many events of each
 * kind the acknowledged commands must have left there. Shared by every client thread.
 */
final class Acknowledgements {

    private final Map<String, Map<String, Integer>> expected = new TreeMap<>();
    private final List<Instant> times = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    final AtomicLong commands = new AtomicLong();
    final AtomicLong withKey = new AtomicLong();
    final AtomicLong importLines = new AtomicLong();
    final AtomicLong importsSentAgain = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong answeredAlreadyRecorded = new AtomicLong();

    synchronized void acknowledged(Business.Command command, Instant at) {
        expected.computeIfAbsent(command.stream(), s -> new TreeMap<>()).merge(command.event(), 1, Integer::sum);
        times.add(at);
    }

    /** A command the ledger refused for good: a defect of the ledger, or of the suite. */
    synchronized void refused(String what) {
        refusals.add(what);
    }

    synchronized Map<String, Map<String, Integer>> expected() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        expected.forEach((stream, events) -> copy.put(stream, new TreeMap<>(events)));
        return copy;
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** When the first command after {@code after} was acknowledged, if one was. */
    synchronized Instant firstAfter(Instant after) {
        Instant first = null;
        for (Instant at : times) {
            if (at.isAfter(after) && (first == null || at.isBefore(first))) {
                first = at;
            }
        }
        return first;
    }
}
