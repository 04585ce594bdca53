package com.marketplaceledger.supervision.detection.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The identifiers of the events that prove a fact: the first of them (the loader caps how many
 * it keeps per fact, and a combination keeps at most {@link #MOST}) and how many there are in all.
 */
public record Evidence(List<String> eventIds, long total) {

    public static final Evidence NONE = new Evidence(List.of(), 0);
    /** Evidence of thousands of participants combined must not grow into ever longer lists. */
    public static final int MOST = 1_000;

    public Evidence {
        eventIds = List.copyOf(eventIds);
    }

    /**
     * Gathers evidence a piece at a time, from facts streamed past it: the first {@link #MOST}
     * ids without repeats, and how many there are in all.
     */
    public static final class Gatherer {

        private final LinkedHashSet<String> ids = new LinkedHashSet<>();
        private long total;

        /** One event; nothing for the null of an event that never happened. */
        public void add(String eventId) {
            if (eventId != null) {
                total++;
                if (ids.size() < MOST) {
                    ids.add(eventId);
                }
            }
        }

        public void add(Evidence evidence) {
            total += evidence.total;
            for (String id : evidence.eventIds) {
                if (ids.size() == MOST) {
                    break;
                }
                ids.add(id);
            }
        }

        public Evidence evidence() {
            return new Evidence(new ArrayList<>(ids), total);
        }
    }

    /** Both lists, without repeats, in order, up to {@link #MOST} ids; totals add up. */
    public Evidence and(Evidence other) {
        var both = new Gatherer();
        both.add(this);
        both.add(other);
        return both.evidence();
    }
}
