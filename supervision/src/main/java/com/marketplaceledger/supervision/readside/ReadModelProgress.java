package com.marketplaceledger.supervision.readside;

/**
 * How far the read models are: a live judgement counts only on read models that hold its
 * network's newest event, and none is made while a read model is being rebuilt.
 */
public interface ReadModelProgress {

    /** Whether every read model has processed the event at this global position. */
    boolean allHaveProcessed(long position);

    /**
     * Whether one read model, named by its processor, has processed the event at this position: a
     * rule-set decision is answered once the rule catalogue holds it, whatever the others lag.
     */
    boolean hasProcessed(String readModel, long position);

    /** Whether a read model is replaying from the start (emptied, not yet back where it was). */
    boolean rebuilding();
}
