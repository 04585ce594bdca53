package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.DetectionController.ShadowFinding;
import com.marketplaceledger.supervision.detection.Evaluator.Candidate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The candidate rule set judged beside the active one, without raising alerts (none by default).
 * Kept in the database, so every instance runs the same one and a restart keeps it.
 */
@Component
class ShadowMode {

    private final NamedParameterJdbcTemplate named;
    private final RuleTexts texts;

    ShadowMode(NamedParameterJdbcTemplate named, RuleTexts texts) {
        this.named = named;
        this.texts = texts;
    }

    /**
     * What the rule set found in shadow mode, each beside whether the active set raised the same as
     * an alert, in the language of the request.
     */
    List<ShadowFinding> findings(int version) {
        return named.query("""
                        SELECT s.alert_id, s.merchant_id, s.rule_id, s.rule_version, s.period, s.observed_on,
                               s.measurements::text AS measurements, s.reason_code,
                               s.reason_arguments::text AS reason_arguments, s.first_seen_at,
                               EXISTS (SELECT 1 FROM read_model.alert a WHERE a.merchant_id = s.merchant_id
                                       AND a.rule_id = s.rule_id AND a.period IS NOT DISTINCT FROM s.period) AS also
                        FROM read_model.shadow_finding s WHERE s.rule_set_version = :version
                        ORDER BY s.merchant_id, s.rule_id, s.period""", new MapSqlParameterSource("version", version),
                (row, n) -> {
                    Map<String, String> arguments = RuleTexts.arguments(row.getString("reason_arguments"));
                    String ruleId = row.getString("rule_id");
                    return new ShadowFinding(row.getString("alert_id"), row.getString("merchant_id"), ruleId,
                            texts.title(ruleId), row.getInt("rule_version"), row.getString("period"),
                            row.getDate("observed_on").toLocalDate(), texts.measurements(row.getString("measurements")),
                            texts.reason(row.getString("reason_code"), arguments), row.getString("reason_code"), arguments,
                            row.getTimestamp("first_seen_at").toInstant(), row.getBoolean("also"));
                });
    }

    /** Keeps what the shadow rule set found on a network, once: the first day it was seen stays. */
    void keep(int version, String merchantId, LocalDate day, Candidate candidate, Instant at) {
        var finding = candidate.finding();
        named.update("""
                        INSERT INTO read_model.shadow_finding (rule_set_version, alert_id, merchant_id, rule_id, rule_version,
                                                               period, observed_on, measurements, reason_code,
                                                               reason_arguments, first_seen_at)
                        VALUES (:version, :alertId, :m, :ruleId, :ruleVersion, :period, :day, CAST(:measurements AS jsonb),
                                :reasonCode, CAST(:reasonArguments AS jsonb), :at) ON CONFLICT DO NOTHING""",
                new MapSqlParameterSource("version", version).addValue("alertId", candidate.alertId().value())
                        .addValue("m", merchantId)
                        .addValue("ruleId", candidate.rule().ruleId()).addValue("ruleVersion", candidate.rule().version())
                        .addValue("period", finding.period()).addValue("day", java.sql.Date.valueOf(day))
                        .addValue("measurements", Json.write(finding.measurements()))
                        .addValue("reasonCode", finding.reason().code())
                        .addValue("reasonArguments", Json.write(finding.reason().arguments()))
                        .addValue("at", Timestamp.from(at)));
    }

    Integer ruleSetVersion() {
        List<Integer> versions = named.query("SELECT rule_set_version FROM read_model.detection_shadow",
                new MapSqlParameterSource(), (row, n) -> (Integer) row.getObject("rule_set_version"));
        return versions.isEmpty() ? null : versions.get(0);
    }

    void run(Integer version) {
        named.update("""
                INSERT INTO read_model.detection_shadow (singleton, rule_set_version) VALUES (TRUE, :version)
                ON CONFLICT (singleton) DO UPDATE SET rule_set_version = excluded.rule_set_version""",
                new MapSqlParameterSource("version", version));
    }
}
