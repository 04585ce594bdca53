package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleSet;
import com.marketplaceledger.supervision.detection.RuleTexts.MeasurementView;
import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a rule set over the history: each network is judged as of every business day on which
 * something happened to it, and each alert is reported with the first day it would have been
 * raised, and whether it was raised live.
 */
@Component
class Backtest {

    /** @param reason in the reader's language; {@code reasonCode} and {@code reasonArguments} are what an alert would hold */
    record BacktestAlert(String alertId, String merchantId, String ruleId, String title, int ruleVersion, String severity,
                         String period, LocalDate firstRaisableOn, List<MeasurementView> measurements, String reason,
                         String reasonCode, Map<String, String> reasonArguments, long evidenceTotal, boolean raisedLive) {
    }

    record Result(int ruleSetVersion, List<String> networks, long evaluations, List<BacktestAlert> alerts) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelSnapshot snapshot;
    private final Evaluator evaluator;
    private final BusinessCalendar calendar;
    private final Alerts raisedAlerts;
    private final RuleTexts texts;

    Backtest(NamedParameterJdbcTemplate jdbc, ReadModelSnapshot snapshot, Evaluator evaluator, BusinessCalendar calendar,
             Alerts raisedAlerts, RuleTexts texts) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.evaluator = evaluator;
        this.calendar = calendar;
        this.raisedAlerts = raisedAlerts;
        this.texts = texts;
    }

    Result run(RuleSet ruleSet, String merchantId, LocalDate from, LocalDate to) {
        List<String> networks = merchantId != null ? List.of(merchantId)
                : jdbc.queryForList("SELECT merchant_id FROM business_facts.merchant ORDER BY merchant_id",
                new MapSqlParameterSource(), String.class);
        var alerts = new ArrayList<BacktestAlert>();
        long evaluations = 0;
        for (String network : networks) {
            var seen = new HashSet<String>();
            Set<String> raised = raisedAlerts.raisedIds(network);
            for (LocalDate day : eventDays(network, from, to)) {
                evaluations++;
                // a snapshot per day judged, not per backtest: a rebuild waits for one judgement, not for the whole run
                var candidates = snapshot.read(() -> evaluator.evaluate(evaluator.facts(network, null, day), ruleSet));
                for (var candidate : candidates) {
                    if (seen.add(candidate.alertId().value())) {
                        var finding = candidate.finding();
                        var reason = finding.reason();
                        String ruleId = candidate.rule().ruleId();
                        alerts.add(new BacktestAlert(candidate.alertId().value(), network, ruleId, texts.title(ruleId),
                                candidate.rule().version(), candidate.rule().rule().description().severity().name(),
                                finding.period(), day, texts.measurements(finding.measurements()),
                                texts.reason(reason.code(), reason.arguments()), reason.code(), reason.arguments(),
                                finding.evidence().total(), raised.contains(candidate.alertId().value())));
                    }
                }
            }
        }
        return new Result(ruleSet.version(), networks, evaluations, alerts);
    }

    /** The business days on which the network changed: the only days on which a finding can appear. */
    private List<LocalDate> eventDays(String merchantId, LocalDate from, LocalDate to) {
        var params = new MapSqlParameterSource("m", merchantId)
                .addValue("from", Date.valueOf(from == null ? LocalDate.of(1, 1, 1) : from))
                .addValue("to", Date.valueOf(to == null ? LocalDate.of(9999, 12, 31) : to))
                .addValue("zone", calendar.zone().getId());
        return jdbc.queryForList("""
                SELECT day FROM (
                    SELECT enrolled_on AS day FROM business_facts.distributor WHERE merchant_id = :m
                    UNION SELECT day FROM read_model.risk_sale WHERE merchant_id = :m
                    UNION SELECT day FROM read_model.risk_commission WHERE merchant_id = :m
                    UNION SELECT CAST(requested_at AT TIME ZONE :zone AS DATE) FROM read_model.risk_refund WHERE merchant_id = :m AND requested_at IS NOT NULL
                    UNION SELECT CAST(answered_at AT TIME ZONE :zone AS DATE) FROM read_model.risk_refund WHERE merchant_id = :m AND answered_at IS NOT NULL
                    UNION SELECT CAST(declared_at AT TIME ZONE :zone AS DATE) FROM business_facts.compensation_plan WHERE merchant_id = :m
                ) days WHERE day BETWEEN :from AND :to ORDER BY day""", params, LocalDate.class);
    }
}
