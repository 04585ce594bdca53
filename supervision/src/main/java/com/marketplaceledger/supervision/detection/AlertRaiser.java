package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.Evaluator.Candidate;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Appends an AlertRaised event for a finding, once. The alert's stream is its id, and the event
 * is the stream's first: a second raise of the same alert (by a concurrent evaluation, another
 * instance, or a re-evaluation) collides on the event table's unique stream and sequence.
 */
@Component
class AlertRaiser {

    static final String ALERT_TYPE = "Alert";

    private final EventStore eventStore;
    private final Clock clock;
    private final int maxEvidence;

    AlertRaiser(EventStore eventStore, Clock clock, DetectionProperties properties) {
        this.eventStore = eventStore;
        this.clock = clock;
        this.maxEvidence = properties.maxEvidence();
    }

    /**
     * Whether the alert was raised now (false when it had been raised before). The caller skips
     * what the read model knows was raised; the event store refuses whatever else was.
     */
    boolean raise(String merchantId, String subtreeRootId, LocalDate observedOn, Candidate candidate) {
        var finding = candidate.finding();
        var rule = candidate.rule();
        var description = rule.rule().description();
        var event = new AlertRaised(MerchantId.of(merchantId), candidate.alertId(), rule.ruleId(), rule.version(),
                candidate.ruleSetVersion(), description.severity(), description.category(),
                subtreeRootId == null ? null : DistributorId.of(subtreeRootId), finding.period(), observedOn,
                finding.measurements(), finding.reason().code(), finding.reason().arguments(),
                evidence(finding.evidence().eventIds()),
                finding.evidence().total(),
                clock.instant());
        try {
            eventStore.publish(new GenericDomainEventMessage<>(ALERT_TYPE,
                    StreamIds.alert(event.merchantId(), event.alertId().value()), 0, event, MetaData.emptyInstance()));
            return true;
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyRaised) {
            // Axon reports a taken first sequence number as a stream that cannot be created
            return false;
        }
    }

    /** An alert names the first of its evidence events; it says how many there are in all. */
    private List<String> evidence(List<String> ids) {
        return ids.size() <= maxEvidence ? ids : ids.subList(0, maxEvidence);
    }
}
