package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.readmodel.ReadModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.marketplaceledger.axon.readmodel.SqlBatch;
import com.marketplaceledger.axon.readmodel.SqlBatch.TextArray;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.casework.CaseClosed;
import com.marketplaceledger.shared.casework.CaseOpened;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/**
 * The alerts raised, and where the case work on each stands. Keyed by alert id: idempotent. A
 * case is opened only on alerts already raised, and this read model runs in one segment, so an
 * alert is always here before the case that takes it up.
 */
@Component
@ProcessingGroup(AlertProjection.NAME)
class AlertProjection implements ReadModel {

    static final String NAME = "alerts";

    private final JdbcTemplate jdbc;

    AlertProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AlertRaised event, EventMessage<?> message) throws JsonProcessingException {
        String measurements = LedgerJson.objectMapper().writeValueAsString(event.measurements());
        String reasonArguments = LedgerJson.objectMapper().writeValueAsString(event.reasonArguments());
        batch().add("""
                        INSERT INTO read_model.alert (alert_id, merchant_id, rule_id, rule_version, rule_set_version, severity,
                                                      category, subtree_root_id, period, observed_on, measurements,
                                                      reason_code, reason_arguments, evidence_event_ids, evidence_total,
                                                      raised_at, event_id, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, 'OPEN') ON CONFLICT DO NOTHING""",
                event.alertId().value(), event.merchantId().value(), event.ruleId(), event.ruleVersion(),
                event.ruleSetVersion(), event.severity().name(), event.category().name(),
                event.subtreeRootId() == null ? null : event.subtreeRootId().value(), event.period(),
                Date.valueOf(event.observedOn()), measurements, event.reasonCode(), reasonArguments,
                new TextArray(event.evidenceEventIds()), event.evidenceTotal(), Timestamp.from(message.getTimestamp()),
                message.getIdentifier());
    }

    @EventHandler
    void on(CaseOpened event) {
        batch().add("UPDATE read_model.alert SET status = 'IN_CASE', case_id = ? WHERE alert_id = ANY (?)",
                event.caseId().value(), new TextArray(event.alertIds().stream().map(AlertId::value).toList()));
    }

    @EventHandler
    void on(CaseClosed event) {
        batch().add("UPDATE read_model.alert SET status = 'CLOSED' WHERE case_id = ?", event.caseId().value());
    }

    @Override
    public String processor() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("alert");
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    private SqlBatch batch() {
        return SqlBatch.current(NAME, jdbc);
    }
}
