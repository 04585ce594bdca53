package com.marketplaceledger.query.detection.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Evidence a rule assembles from single events, such as refund requests and their answers. */
final class Evidences {

    private Evidences() {
    }

    /** The ids in order, without repeats and without the nulls of events that never happened. */
    static Evidence of(Collection<String> eventIds) {
        var ids = new LinkedHashSet<String>();
        eventIds.stream().filter(Objects::nonNull).forEach(ids::add);
        return new Evidence(List.copyOf(ids), ids.size());
    }
}
