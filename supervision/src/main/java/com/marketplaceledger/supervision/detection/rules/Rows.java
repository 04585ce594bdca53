package com.marketplaceledger.supervision.detection.rules;

import java.util.List;
import java.util.function.Consumer;

/**
 * Facts of which a network holds one per participant, purchase or refund: a million-distributor
 * network has millions. They are read afresh for every pass instead of being held, so a rule keeps
 * only what it counts and the evidence it shows.
 */
@FunctionalInterface
public interface Rows<T> {

    /** Passes every row to {@code action}, in the order the facts define. */
    void forEach(Consumer<? super T> action);

    /** Rows held in memory, as few as a test or a small network has. */
    static <T> Rows<T> of(List<T> rows) {
        List<T> copy = List.copyOf(rows);
        return copy::forEach;
    }
}
