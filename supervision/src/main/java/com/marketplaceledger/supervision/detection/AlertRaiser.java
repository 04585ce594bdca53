package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.Evaluator.Candidate;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.detection.RaiseAlert;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Raises an alert for a finding, once: builds its AlertRaised (the one place that does) and sends it
 * to the {@link Alert} aggregate through the command gateway. The alert's stream is its id, and the
 * event is the stream's first: a second raise of the same alert (by a concurrent evaluation, another
 * instance, or a re-evaluation) collides on the event table's unique stream and sequence.
 */
@Component
class AlertRaiser {

    private final CommandGateway gateway;
    private final Clock clock;
    private final int maxEvidence;

    AlertRaiser(CommandGateway gateway, Clock clock, DetectionProperties properties) {
        this.gateway = gateway;
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
            gateway.sendAndWait(new RaiseAlert(event));
            return true;
        } catch (RuntimeException failure) {
            if (raisedBefore(failure)) {
                return false;
            }
            throw failure;
        }
    }

    /** Axon reports a taken first sequence number as a stream that cannot be created. */
    private static boolean raisedBefore(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /** An alert names the first of its evidence events; it says how many there are in all. */
    private List<String> evidence(List<String> ids) {
        return ids.size() <= maxEvidence ? ids : ids.subList(0, maxEvidence);
    }
}
