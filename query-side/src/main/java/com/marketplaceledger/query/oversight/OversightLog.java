package com.marketplaceledger.query.oversight;

import com.marketplaceledger.axon.security.ActorMetadata;
import com.marketplaceledger.axon.security.Caller;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.oversight.LedgerExported;
import com.marketplaceledger.shared.oversight.OversightEvent;
import com.marketplaceledger.shared.oversight.ReadModelRebuildStarted;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

/**
 * Records who rebuilt a read model or exported events, as events of the ledger itself: sealed into
 * the hash chain with everything else and listed in the audit trail with the caller's identity.
 */
@Component
public class OversightLog {

    private final EventStore eventStore;
    private final Clock clock;

    OversightLog(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    public void rebuildStarted(String readModel) {
        record(caller -> new ReadModelRebuildStarted(readModel, caller.subject(), clock.instant()));
    }

    /** @param selection what was asked for, as the request's query string (null: everything) */
    public void exported(String selection) {
        record(caller -> new LedgerExported(selection == null ? "" : selection, caller.subject(), clock.instant()));
    }

    private void record(Function<Caller, OversightEvent> event) {
        Caller caller = Caller.required();
        eventStore.publish(new GenericDomainEventMessage<>("oversight", StreamIds.oversight(UUID.randomUUID().toString()),
                0, event.apply(caller), ActorMetadata.of(caller)));
    }
}
