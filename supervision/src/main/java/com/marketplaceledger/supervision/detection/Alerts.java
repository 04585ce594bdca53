package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.RuleTexts.MeasurementView;
import com.marketplaceledger.axon.web.Paging;
import com.marketplaceledger.axon.web.QueryRefused;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts read model: lists, one alert with its evidence resolved in the audit trail, risk
 * ranking. Alerts are stored with their reason's code and figures; each is read in the language
 * of the request.
 */
@Component
class Alerts {

    static final Set<String> STATUSES = Set.of("OPEN", "IN_CASE", "CLOSED");

    /**
     * @param title           the rule's title, in the reader's language
     * @param reason          the reason, in the reader's language
     * @param reasonCode      which sentence {@code reason} is (a key of the message bundles)
     * @param reasonArguments the figures it names
     */
    record Alert(String alertId, String merchantId, String ruleId, String title, int ruleVersion, int ruleSetVersion,
                 String severity, String category, String subtreeRootId, String period, LocalDate observedOn,
                 List<MeasurementView> measurements, String reason, String reasonCode, Map<String, String> reasonArguments,
                 long evidenceTotal, Instant raisedAt, String eventId, String status, String caseId) {
    }

    /** An evidence event as the audit trail holds it; null fields when the trail has not got it yet. */
    record EvidenceEvent(String eventId, Long position, String type, String streamId, Instant occurredAt,
                         Instant recordedAt, String auditTrail) {
    }

    record AlertDetail(Alert alert, List<EvidenceEvent> evidence) {
    }

    /** A network's open risk: its alerts by severity, the worst first. */
    record NetworkRisk(String merchantId, String name, long score, long critical, long high, long medium, long low,
                       long openAlerts, List<String> rules) {
    }

    record Filter(String merchantId, String ruleId, String severity, String status, String category) {
    }

    private static final String COLUMNS = """
            alert_id, merchant_id, rule_id, rule_version, rule_set_version, severity, category, subtree_root_id, period,
            observed_on, measurements::text AS measurements, reason_code, reason_arguments::text AS reason_arguments,
            evidence_total, raised_at, event_id, status, case_id""";

    private final RowMapper<Alert> alert;
    private final NamedParameterJdbcTemplate jdbc;

    Alerts(NamedParameterJdbcTemplate jdbc, RuleTexts texts) {
        this.jdbc = jdbc;
        this.alert = (row, n) -> {
            String ruleId = row.getString("rule_id");
            String reasonCode = row.getString("reason_code");
            Map<String, String> reasonArguments = RuleTexts.arguments(row.getString("reason_arguments"));
            return new Alert(row.getString("alert_id"), row.getString("merchant_id"), ruleId, texts.title(ruleId),
                    row.getInt("rule_version"), row.getInt("rule_set_version"), row.getString("severity"),
                    row.getString("category"), row.getString("subtree_root_id"), row.getString("period"),
                    row.getDate("observed_on").toLocalDate(), texts.measurements(row.getString("measurements")),
                    texts.reason(reasonCode, reasonArguments), reasonCode, reasonArguments, row.getLong("evidence_total"),
                    row.getTimestamp("raised_at").toInstant(), row.getString("event_id"), row.getString("status"),
                    row.getString("case_id"));
        };
    }

    Paging.Page<Alert> list(Filter filter, Paging paging) {
        var where = new ArrayList<String>();
        var params = new MapSqlParameterSource();
        condition(where, params, "merchant_id", filter.merchantId());
        condition(where, params, "rule_id", filter.ruleId());
        condition(where, params, "severity", filter.severity());
        condition(where, params, "status", filter.status());
        condition(where, params, "category", filter.category());
        params.addValue("limit", paging.limit()).addValue("offset", paging.offset());
        return paging.page(jdbc.query("SELECT " + COLUMNS + " FROM read_model.alert"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY raised_at DESC, alert_id LIMIT :limit OFFSET :offset", params, alert));
    }

    AlertDetail detail(String alertId) {
        var params = new MapSqlParameterSource("id", alertId);
        var found = jdbc.query("SELECT " + COLUMNS + ", evidence_event_ids FROM read_model.alert WHERE alert_id = :id",
                params, (row, n) -> new Object[]{alert.mapRow(row, n),
                        Arrays.stream((Object[]) row.getArray("evidence_event_ids").getArray()).map(String.class::cast).toList()});
        if (found.isEmpty()) {
            throw QueryRefused.notFound("alert", alertId);
        }
        Alert alert = (Alert) found.get(0)[0];
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) found.get(0)[1];
        var resolved = new java.util.HashMap<String, EvidenceEvent>();
        jdbc.query("""
                        SELECT event_id, position, payload_type, stream_id, occurred_at, recorded_at
                        FROM business_facts.recorded_event WHERE event_id IN (:ids)""",
                new MapSqlParameterSource("ids", ids.isEmpty() ? List.of("") : ids), row -> {
                    long position = row.getLong("position");
                    resolved.put(row.getString("event_id"), new EvidenceEvent(row.getString("event_id"), position,
                            row.getString("payload_type"), row.getString("stream_id"),
                            row.getTimestamp("occurred_at").toInstant(), row.getTimestamp("recorded_at").toInstant(),
                            "/audit-trail/events/" + row.getString("event_id")));
                });
        List<EvidenceEvent> evidence = ids.stream()
                .map(id -> resolved.getOrDefault(id, new EvidenceEvent(id, null, null, null, null, null, null)))
                .toList();
        return new AlertDetail(alert, evidence);
    }

    /** Networks with open alerts, by a score weighting critical 100, high 10, medium 3, low 1. */
    Paging.Page<NetworkRisk> ranking(Paging paging) {
        return paging.page(jdbc.query("""
                        SELECT a.merchant_id, m.name,
                               sum(CASE a.severity WHEN 'CRITICAL' THEN 100 WHEN 'HIGH' THEN 10 WHEN 'MEDIUM' THEN 3 ELSE 1 END) AS score,
                               count(*) FILTER (WHERE a.severity = 'CRITICAL') AS critical,
                               count(*) FILTER (WHERE a.severity = 'HIGH') AS high,
                               count(*) FILTER (WHERE a.severity = 'MEDIUM') AS medium,
                               count(*) FILTER (WHERE a.severity = 'LOW') AS low,
                               count(*) AS open_alerts,
                               array_agg(DISTINCT a.rule_id ORDER BY a.rule_id) AS rules
                        FROM read_model.alert a LEFT JOIN business_facts.merchant m USING (merchant_id)
                        WHERE a.status <> 'CLOSED'
                        GROUP BY a.merchant_id, m.name
                        ORDER BY score DESC, a.merchant_id
                        LIMIT :limit OFFSET :offset""",
                new MapSqlParameterSource("limit", paging.limit()).addValue("offset", paging.offset()),
                (row, n) -> new NetworkRisk(row.getString("merchant_id"), row.getString("name"), row.getLong("score"),
                        row.getLong("critical"), row.getLong("high"), row.getLong("medium"), row.getLong("low"),
                        row.getLong("open_alerts"),
                        Arrays.stream((Object[]) row.getArray("rules").getArray()).map(String.class::cast).toList())));
    }

    /** The ids of the alerts raised on a network, to tell findings already raised from new ones. */
    Set<String> raisedIds(String merchantId) {
        return new HashSet<>(jdbc.queryForList("SELECT alert_id FROM read_model.alert WHERE merchant_id = :m",
                new MapSqlParameterSource("m", merchantId), String.class));
    }

    private static void condition(List<String> where, MapSqlParameterSource params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.add(column + " = :" + column);
            params.addValue(column, value);
        }
    }
}
