package com.marketplaceledger.supervision.casework;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.casework.OpenCase;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.List;

/**
 * Decides the opening of a case: every alert it names must have been raised against its merchant.
 * Read from the alerts' own streams in the event store, not from a read model, which may lag
 * behind an alert that was just raised.
 */
@Component
class CaseOpening {

    private final Repository<CaseFile> caseFiles;
    private final EventStore events;

    CaseOpening(Repository<CaseFile> caseFiles, EventStore events) {
        this.caseFiles = caseFiles;
        this.events = events;
    }

    @CommandHandler
    void handle(OpenCase command) throws Exception {
        List<AlertId> alertIds = command.alertIds().stream().distinct().toList();
        List<String> unknown = alertIds.stream()
                .filter(alert -> !raised(command.merchantId(), alert))
                .map(AlertId::value)
                .toList();
        if (!unknown.isEmpty()) {
            throw new QueryRefused(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-alert", "alertIds", "not-raised",
                    Map.of("alertIds", String.join(", ", unknown), "merchantId", command.merchantId()))
                    .with("unknownAlertIds", unknown);
        }
        caseFiles.newInstance(() -> new CaseFile(command, alertIds));
    }

    /** An alert is raised once, as the first event of its stream, which is scoped by merchant. */
    private boolean raised(MerchantId merchant, AlertId alert) {
        DomainEventStream stream = events.readEvents(StreamIds.alert(merchant, alert.value()));
        return stream.hasNext() && stream.next().getPayload() instanceof AlertRaised raised
                && raised.merchantId().equals(merchant);
    }
}
