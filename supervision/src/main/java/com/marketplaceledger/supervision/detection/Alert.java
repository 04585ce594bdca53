package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.detection.RaiseAlert;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An alert: raised once, as the first event of its own stream. A second raise of the same alert id
 * creates the stream again, which the event store refuses (the stream exists); {@link AlertRaiser}
 * drops that refusal quietly.
 */
@Aggregate
class Alert {

    @AggregateIdentifier
    private String streamId;

    Alert() {
        // rebuilt from its event by Axon
    }

    @CommandHandler
    Alert(RaiseAlert command) {
        apply(command.alert());
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        streamId = StreamIds.alert(event.merchantId(), event.alertId().value());
    }
}
