package com.marketplaceledger.query.casework;

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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The casework read model under redelivery: the same events handed to it again change nothing. */
class CaseworkProjectionIntegrationTest extends QuerySideIntegrationTest {

    private static final MerchantId M = MerchantId.of("M-case-redelivered");
    private static final CaseId CASE = CaseId.of("CASE-redelivered");
    private static final Instant AT = Instant.parse("2026-04-02T01:30:00Z");

    @Autowired
    CaseCommands commands;
    @Autowired
    CaseworkProjection projection;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_case_files_events_delivered_again_in_any_order_change_nothing() {
        var alert = AlertId.of("A-redelivered");
        eventStore.publish(new GenericDomainEventMessage<>("Alert", StreamIds.alert(M, alert.value()), 0,
                new AlertRaised(M, alert, "CN-ENTRY-FEE", 1, 1, Severity.HIGH, RuleCategory.PYRAMID_INDICATOR, null, null,
                        LocalDate.parse("2026-03-31"), List.of(), "entry fees", List.of(), 0, AT)));
        commands.send(new OpenCase(M, CASE, List.of(alert), "inspector.wang", "entry fees", AT));
        commands.send(new StartCaseReview(CASE, "inspector.wang", AT.plusSeconds(60)));
        commands.send(new AddCaseNote(CASE, "inspector.wang", "first look", AT.plusSeconds(120)));
        commands.send(new EscalateCase(CASE, "inspector.wang", "serious", AT.plusSeconds(180)));
        long last = commands.send(new CloseCase(CASE, "director.li", CaseFinding.PENALISED, "fined", AT.plusSeconds(240)))
                .position();
        newHistory().awaitProcessed(last);
        Map<String, List<String>> before = rows();
        assertThat(before.get("case_action")).hasSize(5);
        assertThat(before.get("case_file")).singleElement().asString().contains("CLOSED");

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(StreamIds.caseFile(CASE.value())).forEachRemaining(events::add);
        events.forEach(this::redeliver);
        Collections.reverse(events);
        events.forEach(this::redeliver);

        assertThat(rows()).isEqualTo(before);
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

    private Map<String, List<String>> rows() {
        return Map.of(
                "case_file", jdbc.queryForList("SELECT t::text FROM read_model.case_file t WHERE case_id = ?",
                        String.class, CASE.value()),
                "case_alert", jdbc.queryForList("SELECT t::text FROM read_model.case_alert t WHERE case_id = ? "
                        + "ORDER BY ordinal", String.class, CASE.value()),
                "case_action", jdbc.queryForList("SELECT t::text FROM read_model.case_action t WHERE case_id = ? "
                        + "ORDER BY sequence_number", String.class, CASE.value()));
    }
}
