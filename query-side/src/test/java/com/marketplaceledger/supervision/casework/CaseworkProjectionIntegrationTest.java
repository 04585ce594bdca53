package com.marketplaceledger.supervision.casework;

import com.marketplaceledger.query.operations.ReadModelRebuilds;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.casework.AddCaseNote;
import com.marketplaceledger.shared.casework.CaseFinding;
import com.marketplaceledger.shared.casework.CaseId;
import com.marketplaceledger.shared.casework.CloseCase;
import com.marketplaceledger.shared.casework.EscalateCase;
import com.marketplaceledger.shared.casework.OpenCase;
import com.marketplaceledger.shared.casework.StartCaseReview;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The casework read model under redelivery (the same events handed to it again change nothing)
 * and rebuilt from event 0 (the same rows again).
 */
class CaseworkProjectionIntegrationTest extends QuerySideIntegrationTest {

    private static final MerchantId M = MerchantId.of("M-case-redelivered");
    private static final Instant AT = Instant.parse("2026-04-02T01:30:00Z");

    @Autowired
    CaseCommands commands;
    @Autowired
    CaseworkProjection projection;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ReadModelRebuilds rebuilds;

    @Test
    void a_case_files_events_delivered_again_in_any_order_change_nothing() {
        CaseId caseId = workACaseFromOpeningToClosing("CASE-redelivered");
        Map<String, List<String>> before = rows(caseId);
        assertThat(before.get("case_action")).hasSize(5);
        assertThat(before.get("case_file")).singleElement().asString().contains("CLOSED");

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(StreamIds.caseFile(caseId.value())).forEachRemaining(events::add);
        events.forEach(this::redeliver);
        Collections.reverse(events);
        events.forEach(this::redeliver);

        assertThat(rows(caseId)).isEqualTo(before);
    }

    @Test
    void rebuilding_the_casework_read_model_from_event_0_reproduces_its_rows() throws Exception {
        CaseId caseId = workACaseFromOpeningToClosing("CASE-rebuilt");
        Map<String, List<String>> before = rows(caseId);
        assertThat(before.get("case_alert")).hasSize(1);
        jdbc.update("UPDATE read_model.case_file SET status = 'OPEN' WHERE case_id = ?", caseId.value());

        rebuilds.rebuild(CaseworkProjection.NAME);
        rebuilds.awaitRebuilt(CaseworkProjection.NAME, Duration.ofSeconds(60));
        newHistory().awaitHead();

        assertThat(rows(caseId)).isEqualTo(before);
    }

    /** Opens a case on a raised alert, reviews it, notes, escalates and closes it; waits for the read models. */
    private CaseId workACaseFromOpeningToClosing(String id) {
        var caseId = CaseId.of(id);
        var alert = AlertId.of("A-" + id);
        eventStore.publish(new GenericDomainEventMessage<>("Alert", StreamIds.alert(M, alert.value()), 0,
                new AlertRaised(M, alert, "CN-ENTRY-FEE", 1, 1, Severity.HIGH, RuleCategory.PYRAMID_INDICATOR, null, null,
                        LocalDate.parse("2026-03-31"), List.of(), "rule.CN-ENTRY-FEE.reason",
                        Map.of("amount", "199.00", "payments", "1", "joiningFees", "1", "purchases", "0"), List.of(), 0, AT)));
        commands.send(new OpenCase(M, caseId, List.of(alert), "inspector.wang", "entry fees", AT));
        commands.send(new StartCaseReview(caseId, "inspector.wang", AT.plusSeconds(60)));
        commands.send(new AddCaseNote(caseId, "inspector.wang", "first look", AT.plusSeconds(120)));
        commands.send(new EscalateCase(caseId, "inspector.wang", "serious", AT.plusSeconds(180)));
        long last = commands.send(new CloseCase(caseId, "director.li", CaseFinding.PENALISED, "fined", AT.plusSeconds(240)))
                .position();
        newHistory().awaitProcessed(last);
        return caseId;
    }

    /** Hands one stored event to the projection again, in a batch and transaction of its own, as its processor would. */
    private void redeliver(DomainEventMessage<?> event) {
        var handler = new AnnotationEventHandlerAdapter(projection);
        transactions.executeWithoutResult(status -> {
            var unitOfWork = DefaultUnitOfWork.startAndGet(event);
            try {
                handler.handle(event);
                unitOfWork.commit();
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw new IllegalStateException(e);
            }
        });
    }

    private Map<String, List<String>> rows(CaseId caseId) {
        return Map.of(
                "case_file", jdbc.queryForList("SELECT t::text FROM read_model.case_file t WHERE case_id = ?",
                        String.class, caseId.value()),
                "case_alert", jdbc.queryForList("SELECT t::text FROM read_model.case_alert t WHERE case_id = ? "
                        + "ORDER BY ordinal", String.class, caseId.value()),
                "case_action", jdbc.queryForList("SELECT t::text FROM read_model.case_action t WHERE case_id = ? "
                        + "ORDER BY sequence_number", String.class, caseId.value()));
    }
}
