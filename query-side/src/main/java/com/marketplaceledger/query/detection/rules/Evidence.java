package com.marketplaceledger.query.detection.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The identifiers of the events that prove a fact: the first of them (the loader caps how many
 * it keeps) and how many there are in all.
 */
public record Evidence(List<String> eventIds, long total) {

    public static final Evidence NONE = new Evidence(List.of(), 0);

    public Evidence {
        eventIds = List.copyOf(eventIds);
    }

    /** Both lists, without repeats, in order; totals add up. */
    public Evidence and(Evidence other) {
        var ids = new LinkedHashSet<>(eventIds);
        ids.addAll(other.eventIds);
        return new Evidence(new ArrayList<>(ids), total + other.total);
    }
}
