package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.Evaluator.Candidate;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleSet;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts;
import com.marketplaceledger.supervision.readside.ReadModelProgress;
import com.marketplaceledger.axon.readmodel.BackgroundRounds;
import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Judges networks as their events arrive. The risk-facts projection marks a network pending with
 * the position of its newest event; once every read model holds that position, the network is
 * judged as of its newest business day (today at the latest) by the active rule set (alerts
 * raised) and by the shadow rule set, if one runs (findings kept apart, no alerts). A network
 * whose position moved on meanwhile stays pending for the next round; one judged a moment ago
 * rests first, in proportion to how long its judgement took ({@link JudgementPacing}).
 */
@Component
class ContinuousDetection extends BackgroundRounds {

    private static final int NETWORKS_PER_ROUND = 50;

    /** A network to judge: every read model must reach {@code position}; judged as of {@code day}. */
    private record Pending(String merchantId, long position, LocalDate day) {
    }

    /** What a judgement found that is new: raised and kept once its snapshot is closed, as that is read-only. */
    private record Judgement(LocalDate day, List<Candidate> alerts, List<Candidate> shadowFindings) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelSnapshot snapshot;
    private final ReadModelProgress progress;
    private final RuleCatalogue catalogue;
    private final Evaluator evaluator;
    private final AlertRaiser raiser;
    private final Alerts alerts;
    private final ShadowMode shadow;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final JudgementPacing pacing;

    ContinuousDetection(NamedParameterJdbcTemplate jdbc, ReadModelSnapshot snapshot, ReadModelProgress progress,
                        RuleCatalogue catalogue, Evaluator evaluator, AlertRaiser raiser, Alerts alerts, ShadowMode shadow,
                        BusinessCalendar calendar, Clock clock, DetectionProperties properties) {
        super("continuous-detection", properties.enabled(), properties.interval());
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.progress = progress;
        this.catalogue = catalogue;
        this.evaluator = evaluator;
        this.raiser = raiser;
        this.alerts = alerts;
        this.shadow = shadow;
        this.calendar = calendar;
        this.clock = clock;
        this.pacing = new JudgementPacing(properties.restFactor());
    }

    /**
     * Judges one network now, as of its newest business day, as a round would had it new events (a
     * rule set was activated or put in shadow); answers how many alerts that raised.
     */
    int judgeNow(String merchantId) {
        Integer raised = judge(new Pending(merchantId, 0, null));
        return raised == null ? 0 : raised;
    }

    /** One round; answers how many networks it judged. */
    int judgePending() {
        // none active while the rule catalogue is first filled, or rebuilt
        if (progress.rebuilding() || catalogue.activeIfKnown().isEmpty()) {
            return 0;
        }
        List<Pending> pending = jdbc.query(
                "SELECT merchant_id, position, day FROM read_model.detection_pending ORDER BY position LIMIT :limit",
                new MapSqlParameterSource("limit", NETWORKS_PER_ROUND),
                (row, n) -> new Pending(row.getString("merchant_id"), row.getLong("position"),
                        row.getDate("day") == null ? null : row.getDate("day").toLocalDate()));
        int judged = 0;
        for (Pending network : pending) {
            if (!pacing.due(network.merchantId(), clock.instant())) {
                continue;
            }
            Instant started = clock.instant();
            if (judge(network) == null) {
                continue;
            }
            pacing.judged(network.merchantId(), started, clock.instant());
            jdbc.update("DELETE FROM read_model.detection_pending WHERE merchant_id = :m AND position = :position",
                    new MapSqlParameterSource("m", network.merchantId()).addValue("position", network.position()));
            judged++;
        }
        return judged;
    }

    /**
     * As of the newest business day among the events up to the pending position: other segments
     * may already have stored later events of the network, and a judgement must not count on what
     * it has not seen all of (an answer to a refund request may be among the events still coming).
     * The position is checked, and everything judged is read, in one snapshot ({@link
     * ReadModelSnapshot}): no alert shows counts and evidence read at different moments, or read
     * from a read model a rebuild emptied after the check. Answers how many alerts it raised, or
     * null when the network was not judged: not while the snapshot's read models lack the position.
     */
    private Integer judge(Pending network) {
        String merchantId = network.merchantId();
        RuleSet active = catalogue.active();
        Integer shadowVersion = shadow.ruleSetVersion();
        RuleSet shadowSet = shadowVersion == null ? null : catalogue.ruleSet(shadowVersion);
        Judgement judgement = snapshot.read(() -> {
            if (!progress.allHaveProcessed(network.position())) {
                return null;
            }
            LocalDate now = calendar.dayOf(merchantId, clock.instant());
            LocalDate today = network.day() == null ? evaluator.liveDay(merchantId, now)
                    : network.day().isAfter(now) ? now : network.day();
            Set<String> raised = alerts.raisedIds(merchantId);
            // one load of the facts for the active rule set and the shadow one
            NetworkFacts facts = evaluator.facts(merchantId, null, today);
            return new Judgement(today,
                    evaluator.evaluate(facts, active).findings().stream().filter(c -> !raised.contains(c.alertId().value())).toList(),
                    shadowSet == null ? List.of() : evaluator.evaluate(facts, shadowSet).findings());
        });
        if (judgement == null) {
            return null;
        }
        int raised = 0;
        for (var candidate : judgement.alerts()) {
            raised += raiser.raise(merchantId, null, judgement.day(), candidate) ? 1 : 0;
        }
        for (var candidate : judgement.shadowFindings()) {
            shadow.keep(shadowVersion, merchantId, judgement.day(), candidate, clock.instant());
        }
        return raised;
    }

    @Override
    protected void round() {
        while (judgePending() > 0) {
            // keep going while networks come ready
        }
    }

    /** After the processors have started, before them at shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
