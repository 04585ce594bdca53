package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.readmodel.ReadModel;
import com.marketplaceledger.shared.governance.NewRuleVersion;
import com.marketplaceledger.shared.governance.RuleSetActivated;
import com.marketplaceledger.shared.governance.RuleSetProposed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The rule catalogue: rule versions, rule sets and their activations, from the rule sets' events.
 * Every row is keyed by what its event fixes (a rule version by rule and number, a rule set by its
 * number, an activation by its place in the stream) and inserted only if new, so a redelivered
 * batch changes nothing and a rebuild from event 0 restores the same rows. The statements run in
 * the processor's transaction, with its token; rule-set events are rare, so they are not batched.
 */
@Component
@ProcessingGroup(RuleCatalogueProjection.NAME)
class RuleCatalogueProjection implements ReadModel {

    static final String NAME = "rule-catalogue";

    private final JdbcTemplate plain;
    private final NamedParameterJdbcTemplate jdbc;

    RuleCatalogueProjection(JdbcTemplate plain) {
        this.plain = plain;
        this.jdbc = new NamedParameterJdbcTemplate(plain);
    }

    @EventHandler
    void on(RuleSetProposed event, DomainEventMessage<?> message) {
        Timestamp at = Timestamp.from(event.occurredAt());
        for (NewRuleVersion made : event.newRuleVersions()) {
            jdbc.update("""
                    INSERT INTO read_model.detection_rule_version
                        (rule_id, version, logic_version, thresholds, origin, created_at, rule_set_version)
                    VALUES (:ruleId, :version, :logicVersion, CAST(:thresholds AS jsonb), :origin, :createdAt, :ruleSet)
                    ON CONFLICT DO NOTHING""", new MapSqlParameterSource("ruleId", made.ruleId())
                    .addValue("version", made.version())
                    .addValue("logicVersion", made.logicVersion())
                    .addValue("thresholds", Json.write(new TreeMap<>(made.thresholds())))
                    .addValue("origin", event.origin().name().toLowerCase(Locale.ROOT))
                    .addValue("createdAt", at)
                    .addValue("ruleSet", event.ruleSetVersion().value()));
        }
        jdbc.update("""
                INSERT INTO read_model.detection_rule_set
                    (version, based_on, rules, jurisdictions, signals, note, created_at, created_by, event_id)
                VALUES (:version, :basedOn, CAST(:rules AS jsonb), CAST(:jurisdictions AS jsonb), CAST(:signals AS jsonb),
                        :note, :createdAt, :createdBy, :eventId)
                ON CONFLICT DO NOTHING""", new MapSqlParameterSource("version", event.ruleSetVersion().value())
                .addValue("basedOn", event.basedOn() == null ? null : event.basedOn().value())
                .addValue("rules", Json.write(event.rules()))
                .addValue("jurisdictions", Json.write(event.jurisdictions()))
                .addValue("signals", Json.write(event.signals()))
                .addValue("note", event.note())
                .addValue("createdAt", at)
                .addValue("createdBy", event.by())
                .addValue("eventId", message.getIdentifier()));
    }

    @EventHandler
    void on(RuleSetActivated event, DomainEventMessage<?> message) {
        jdbc.update("""
                INSERT INTO read_model.detection_rule_set_activation (activation, version, activated_at, activated_by, event_id)
                VALUES (:activation, :version, :activatedAt, :activatedBy, :eventId)
                ON CONFLICT DO NOTHING""", new MapSqlParameterSource("activation", message.getSequenceNumber())
                .addValue("version", event.ruleSetVersion().value())
                .addValue("activatedAt", Timestamp.from(event.occurredAt()))
                .addValue("activatedBy", event.by())
                .addValue("eventId", message.getIdentifier()));
    }

    @Override
    public String processor() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("detection_rule_set_activation", "detection_rule_set", "detection_rule_version");
    }

    @ResetHandler
    void reset() {
        truncate(plain);
    }
}
