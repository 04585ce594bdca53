package com.marketplaceledger.supervision.casework;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.casework.AddCaseNote;
import com.marketplaceledger.shared.casework.CaseClosed;
import com.marketplaceledger.shared.casework.CaseEscalated;
import com.marketplaceledger.shared.casework.CaseId;
import com.marketplaceledger.shared.casework.CaseNoteAdded;
import com.marketplaceledger.shared.casework.CaseOpened;
import com.marketplaceledger.shared.casework.CaseReviewStarted;
import com.marketplaceledger.shared.casework.CloseCase;
import com.marketplaceledger.shared.casework.EscalateCase;
import com.marketplaceledger.shared.casework.OpenCase;
import com.marketplaceledger.shared.casework.StartCaseReview;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.http.HttpStatus;

import java.util.Map;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A regulator's case file and its workflow: OPEN, then UNDER_REVIEW (only from OPEN), ESCALATED
 * (from OPEN or UNDER_REVIEW, once), and CLOSED (once, from any of them). Notes may be added until
 * it is closed; a closed case takes nothing more. Whether the alerts it is opened on exist is
 * checked by {@link CaseOpening}, since an aggregate reads no other stream.
 */
@Aggregate
class CaseFile {

    @AggregateIdentifier
    private String streamId;
    private MerchantId merchantId;
    private CaseId caseId;
    private CaseStatus status;
    private int notes;

    CaseFile() {
        // rebuilt from its events by Axon
    }

    /** Opens the file on alerts already known to have been raised against the merchant. */
    CaseFile(OpenCase command, List<AlertId> alertIds) {
        apply(new CaseOpened(command.merchantId(), command.caseId(), alertIds, command.openedBy(), command.summary(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(StartCaseReview command) {
        requireNotClosed();
        if (status != CaseStatus.OPEN) {
            throw wrongState("review-only-open");
        }
        apply(new CaseReviewStarted(merchantId, caseId, command.by(), command.occurredAt()));
    }

    @CommandHandler
    void handle(AddCaseNote command) {
        requireNotClosed();
        apply(new CaseNoteAdded(merchantId, caseId, notes + 1, command.author(), command.text(), command.occurredAt()));
    }

    @CommandHandler
    void handle(EscalateCase command) {
        requireNotClosed();
        if (status == CaseStatus.ESCALATED) {
            throw wrongState("escalated-already");
        }
        apply(new CaseEscalated(merchantId, caseId, command.by(), command.reason(), command.occurredAt()));
    }

    @CommandHandler
    void handle(CloseCase command) {
        requireNotClosed();
        apply(new CaseClosed(merchantId, caseId, command.by(), command.finding(), command.summary(),
                command.occurredAt()));
    }

    private void requireNotClosed() {
        if (status == CaseStatus.CLOSED) {
            throw new QueryRefused(HttpStatus.CONFLICT, "case-closed", "caseId", null, Map.of("caseId", caseId))
                    .with("status", status);
        }
    }

    /** @param why which detail of the case-state problem says why */
    private QueryRefused wrongState(String why) {
        return new QueryRefused(HttpStatus.CONFLICT, "case-state", "caseId", why,
                Map.of("caseId", caseId, "status", status))
                .with("status", status);
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        streamId = StreamIds.caseFile(event.caseId().value());
        merchantId = event.merchantId();
        caseId = event.caseId();
        status = CaseStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CaseReviewStarted event) {
        status = CaseStatus.UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(CaseNoteAdded event) {
        notes = event.noteNumber();
    }

    @EventSourcingHandler
    void on(CaseEscalated event) {
        status = CaseStatus.ESCALATED;
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = CaseStatus.CLOSED;
    }
}
