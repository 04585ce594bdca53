package com.marketplaceledger.supervision.casework;

import com.marketplaceledger.axon.readmodel.ReadModel;
import com.marketplaceledger.axon.readmodel.SqlBatch;
import com.marketplaceledger.shared.casework.CaseClosed;
import com.marketplaceledger.shared.casework.CaseEscalated;
import com.marketplaceledger.shared.casework.CaseNoteAdded;
import com.marketplaceledger.shared.casework.CaseOpened;
import com.marketplaceledger.shared.casework.CaseReviewStarted;
import com.marketplaceledger.shared.detection.AlertId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the regulators' cases, their alerts and the timeline of their actions. Each event of a
 * case file is one action row keyed by its place in the case's stream, and the change of status
 * it implies is applied only when that row is new, so a redelivered batch changes nothing and a
 * replay from event 0 rebuilds the same rows.
 */
@Component
@ProcessingGroup(CaseworkProjection.NAME)
class CaseworkProjection implements ReadModel {

    static final String NAME = "casework";

    private static final String ACTION = """
            INSERT INTO read_model.case_action (case_id, sequence_number, action, actor, occurred_at, recorded_at, text,
                                                finding, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;

    CaseworkProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseOpened event, DomainEventMessage<?> message) {
        String caseId = event.caseId().value();
        batch().add("""
                INSERT INTO read_model.case_file (case_id, merchant_id, status, opened_by, opened_at, summary, escalated)
                VALUES (?, ?, ?, ?, ?, ?, false) ON CONFLICT DO NOTHING""",
                caseId, event.merchantId().value(), CaseStatus.OPEN.name(), event.openedBy(),
                Timestamp.from(event.occurredAt()), event.summary());
        batch().add("""
                INSERT INTO read_model.case_alert (case_id, alert_id, ordinal)
                SELECT ?, alert.id, alert.ordinal FROM unnest(?::varchar[]) WITH ORDINALITY AS alert(id, ordinal)
                ON CONFLICT DO NOTHING""",
                caseId, new SqlBatch.TextArray(event.alertIds().stream().map(AlertId::value).toList()));
        batch().add(ACTION, action(caseId, message, "OPENED", event.openedBy(), event.occurredAt(), event.summary(),
                null));
    }

    @EventHandler
    void on(CaseReviewStarted event, DomainEventMessage<?> message) {
        batch().add(withAction("SET status = ?"),
                action(event.caseId().value(), message, "REVIEW_STARTED", event.by(),
                        event.occurredAt(), null, null, CaseStatus.UNDER_REVIEW.name()));
    }

    @EventHandler
    void on(CaseNoteAdded event, DomainEventMessage<?> message) {
        batch().add(ACTION, action(event.caseId().value(), message, "NOTE_ADDED", event.author(), event.occurredAt(),
                event.text(), null));
    }

    @EventHandler
    void on(CaseEscalated event, DomainEventMessage<?> message) {
        batch().add(withAction("SET status = ?, escalated = true"),
                action(event.caseId().value(), message, "ESCALATED", event.by(), event.occurredAt(),
                        event.reason(), null, CaseStatus.ESCALATED.name()));
    }

    @EventHandler
    void on(CaseClosed event, DomainEventMessage<?> message) {
        batch().add(withAction("SET status = ?, closed_by = ?, closed_at = ?, finding = ?, closing_summary = ?"),
                action(event.caseId().value(), message, "CLOSED", event.by(), event.occurredAt(),
                        event.summary(), event.finding().name(), CaseStatus.CLOSED.name(), event.by(),
                        Timestamp.from(event.occurredAt()), event.finding().name(), event.summary()));
    }

    @Override
    public String processor() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("case_file", "case_alert", "case_action");
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    /** The action row, and only if it is new, the case's update {@code set}. */
    private static String withAction(String set) {
        return "WITH action AS (" + ACTION + " RETURNING case_id) UPDATE read_model.case_file " + set
                + " WHERE case_id IN (SELECT case_id FROM action)";
    }

    /** The action row's parameters, followed by any of the update's. */
    private static Object[] action(String caseId, DomainEventMessage<?> message, String action, String actor,
                                   Instant occurredAt, String text, String finding, Object... update) {
        Object[] row = {caseId, message.getSequenceNumber(), action, actor, Timestamp.from(occurredAt),
                Timestamp.from(message.getTimestamp()), text, finding, message.getIdentifier()};
        Object[] all = new Object[row.length + update.length];
        System.arraycopy(row, 0, all, 0, row.length);
        System.arraycopy(update, 0, all, row.length, update.length);
        return all;
    }

    private SqlBatch batch() {
        return SqlBatch.current(NAME, jdbc);
    }
}
