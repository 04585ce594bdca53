package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.QuerySideDatabase;
import com.marketplaceledger.query.support.CommandSideProcess;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.simulator.FeedResult;
import com.marketplaceledger.simulator.Feeder;
import com.marketplaceledger.simulator.GroundTruth;
import com.marketplaceledger.simulator.Scenario;
import com.marketplaceledger.simulator.ScenarioKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detection engine against simulated marketplaces with ground truth: every scenario goes in
 * through the real command side's bulk import, the query side judges the networks as their events
 * arrive, and the alerts it raised are scored against what each marketplace really is. Writes the
 * table of docs/detection.md to target/detection-evaluation.md.
 *
 * <p>{@code -Ddetection.evaluation.seeds=N} (20) and {@code -Ddetection.evaluation.sizes=25,40,80}
 * (used in turn, seed by seed) change the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectionEvaluationIntegrationTest extends QuerySideIntegrationTest {

    private static final Set<ScenarioKind> HONEST = Set.of(ScenarioKind.HONEST_RETAILER, ScenarioKind.LICENSED_DIRECT_SELLER,
            ScenarioKind.US_COMPLIANT_MLM, ScenarioKind.LICENSED_AT_CAP);

    @Autowired
    JdbcTemplate jdbc;

    private CommandSideProcess commandSide;

    record Outcome(GroundTruth truth, Set<String> fired, boolean predictedPyramid) {
    }

    @BeforeAll
    void startCommandSide() throws IOException, InterruptedException {
        commandSide = CommandSideProcess.start(QuerySideDatabase.jdbcUrl());
    }

    @AfterAll
    void stopCommandSide() throws InterruptedException {
        commandSide.close();
    }

    @Test
    void separatesPyramidsFromHonestBusinessesAndFiresTheRulesEachKindShould() throws Exception {
        int seeds = Integer.getInteger("detection.evaluation.seeds", 20);
        int[] sizes = Arrays.stream(System.getProperty("detection.evaluation.sizes", "25,40,80").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        var scenarios = new ArrayList<Scenario>();
        for (ScenarioKind kind : ScenarioKind.values()) {
            for (int seed = 1; seed <= seeds; seed++) {
                scenarios.add(Scenario.of(kind, seed, sizes[(seed - 1) % sizes.length]));
            }
        }
        Instant started = Instant.now();
        List<FeedResult> fed = feed(scenarios);
        Duration feeding = Duration.between(started, Instant.now());
        long last = fed.stream().mapToLong(FeedResult::lastPosition).max().orElseThrow();
        newHistory().awaitProcessed(last);
        awaitJudged(fed);
        newHistory().awaitHead();
        Duration judged = Duration.between(started, Instant.now());

        List<Outcome> outcomes = fed.stream().map(f -> outcome(f.truth())).toList();
        var report = new Report(outcomes);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "detection-evaluation.md"), report.markdown(seeds, sizes, fed, feeding, judged));

        assertThat(report.precision()).as("network-level precision\n%s", report.confusion()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.recall()).as("network-level recall\n%s", report.confusion()).isGreaterThanOrEqualTo(0.98);
        for (ScenarioKind kind : ScenarioKind.values()) {
            List<Outcome> ofKind = outcomes.stream().filter(o -> o.truth().kind() == kind).toList();
            assertThat(ofKind).hasSizeGreaterThanOrEqualTo(20);
            long right = ofKind.stream().filter(o -> o.predictedPyramid() == o.truth().pyramid()).count();
            assertThat((double) right / ofKind.size()).as("%s labelled right", kind).isGreaterThanOrEqualTo(0.95);
            long allExpectedFired = ofKind.stream().filter(o -> o.truth().missing(o.fired()).isEmpty()).count();
            assertThat((double) allExpectedFired / ofKind.size()).as("%s: every expected rule fired", kind)
                    .isGreaterThanOrEqualTo(0.95);
            long noFalseAlarm = ofKind.stream().filter(o -> o.truth().unexpected(o.fired()).isEmpty()).count();
            assertThat((double) noFalseAlarm / ofKind.size()).as("%s: no rule fired outside its expected and tolerated ones", kind)
                    .isGreaterThanOrEqualTo(0.95);
        }
        assertThat(outcomes).filteredOn(o -> HONEST.contains(o.truth().kind()))
                .allSatisfy(o -> assertThat(o.fired()).as("alerts on honest %s", o.truth().merchantId()).isEmpty());
        everyAlertShowsItsThresholdsReasonAndEvidenceThatResolvesInTheAuditTrail(fed);
        judgingAsOfTheLastDayReproducesTheAlertsRaisedLive(outcomes);
    }

    /** Of this test's networks only: other classes' simulated merchants share the test database. */
    private void everyAlertShowsItsThresholdsReasonAndEvidenceThatResolvesInTheAuditTrail(List<FeedResult> fed) {
        Object merchants = merchantIds(fed);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM read_model.alert
                WHERE merchant_id = ANY (?) AND (reason_code NOT LIKE 'rule.%' OR reason_arguments = '{}'::jsonb
                      OR cardinality(evidence_event_ids) = 0
                      OR evidence_total < cardinality(evidence_event_ids) OR jsonb_array_length(measurements) = 0)""",
                Integer.class, merchants)).as("alerts without a reason, measurements or evidence").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM read_model.alert a, jsonb_array_elements(a.measurements) m
                WHERE a.merchant_id = ANY (?) AND m ->> 'comparison' IS NOT NULL AND m ->> 'threshold' IS NULL""",
                Integer.class, merchants)).as("compared values without their threshold").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM read_model.alert a, unnest(a.evidence_event_ids) AS evidence(event_id)
                WHERE a.merchant_id = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM read_model.audit_event e WHERE e.event_id = evidence.event_id)""",
                Integer.class, merchants)).as("evidence ids the audit trail does not hold").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.alert WHERE merchant_id = ANY (?)", Integer.class,
                merchants)).isPositive();
    }

    /** The findings as of each network's last business day are exactly the alerts raised on it live. */
    private void judgingAsOfTheLastDayReproducesTheAlertsRaisedLive(List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            String merchant = outcome.truth().merchantId().value();
            var evaluation = api().ok("/merchants/" + merchant + "/risk");
            var found = new TreeSet<String>();
            evaluation.path("findings").forEach(f -> found.add(f.path("alertId").asText()));
            var raised = new TreeSet<>(jdbc.queryForList("SELECT alert_id FROM read_model.alert WHERE merchant_id = ?",
                    String.class, merchant));
            assertThat(found).as("findings of %s as of %s", merchant, evaluation.path("asOf").asText()).isEqualTo(raised);
            assertPayConcentrationAsCountedByHand(merchant, evaluation);
            assertOutOfPocketAsCountedByHand(merchant, evaluation);
        }
    }

    /** Participants who received less in commissions than they paid in purchases and joining fees. */
    private void assertOutOfPocketAsCountedByHand(String merchant, JsonNode evaluation) {
        String asOf = evaluation.path("asOf").asText();
        Map<String, Long> balance = new HashMap<>();
        jdbc.query("SELECT distributor_id, coalesce(joining_fee, 0) FROM read_model.distributor WHERE merchant_id = ? AND enrolled_on <= ?::date",
                row -> { balance.put(row.getString(1), -row.getLong(2)); }, merchant, asOf);
        jdbc.query("SELECT beneficiary_id, amount FROM read_model.risk_commission WHERE merchant_id = ? AND day <= ?::date",
                row -> { balance.merge(row.getString(1), row.getLong(2), Long::sum); }, merchant, asOf);
        jdbc.query("SELECT buyer_id, amount FROM read_model.risk_sale WHERE merchant_id = ? AND day <= ?::date AND buyer_id IS NOT NULL",
                row -> { balance.merge(row.getString(1), -row.getLong(2), Long::sum); }, merchant, asOf);
        long outOfPocket = balance.values().stream().filter(amount -> amount < 0).count();
        JsonNode participants = evaluation.path("signals").path("participants");
        assertThat(participants.path("participants").asLong()).isEqualTo(balance.size());
        assertThat(participants.path("outOfPocket").asLong()).as("out of pocket in %s", merchant).isEqualTo(outOfPocket);
    }

    /** The share of pay that the best-paid 1 % and 10 % of the participants (at least one) received. */
    private void assertPayConcentrationAsCountedByHand(String merchant, JsonNode evaluation) {
        JsonNode signals = evaluation.path("signals");
        long participants = signals.path("people").asLong() - 1;
        List<Long> payouts = jdbc.queryForList("""
                        SELECT sum(amount) FROM read_model.risk_commission WHERE merchant_id = ? AND day <= ?::date
                        GROUP BY beneficiary_id ORDER BY 1 DESC""",
                Long.class, merchant, evaluation.path("asOf").asText());
        long total = payouts.stream().mapToLong(Long::longValue).sum();
        JsonNode concentration = signals.path("payConcentration");
        assertThat(concentration.path("paidParticipants").asLong()).isEqualTo(payouts.size());
        assertThat(concentration.path("totalPay").asLong()).isEqualTo(total);
        for (int divisor : new int[]{100, 10}) {
            long top = payouts.stream().limit(Math.max(1, participants / divisor)).mapToLong(Long::longValue).sum();
            BigDecimal expected = total == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(top).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
            assertThat(concentration.path(divisor == 100 ? "top1PercentShare" : "top10PercentShare").decimalValue())
                    .as("pay of the top 1/%d of %s", divisor, merchant).isEqualByComparingTo(expected);
        }
    }

    private List<FeedResult> feed(List<Scenario> scenarios) throws Exception {
        var feeder = new Feeder(URI.create(commandSide.baseUrl()), TestTokens::merchant);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<FeedResult>>();
            for (Scenario scenario : scenarios) {
                futures.add(pool.submit(() -> feeder.feed(scenario)));
            }
            var results = new ArrayList<FeedResult>();
            for (Future<FeedResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitJudged(List<FeedResult> fed) throws InterruptedException {
        Object merchants = merchantIds(fed);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            Integer pending = jdbc.queryForObject(
                    "SELECT count(*) FROM read_model.detection_pending WHERE merchant_id = ANY (?)", Integer.class,
                    merchants);
            if (pending == 0) {
                return;
            }
            assertThat(Instant.now()).as("networks still waiting to be judged: %d", pending).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static String[] merchantIds(List<FeedResult> fed) {
        return fed.stream().map(f -> f.truth().merchantId().value()).toArray(String[]::new);
    }

    private Outcome outcome(GroundTruth truth) {
        Set<String> fired = new TreeSet<>(jdbc.queryForList("SELECT DISTINCT rule_id FROM read_model.alert WHERE merchant_id = ?",
                String.class, truth.merchantId().value()));
        // the verdict as a regulator reads it: the structural findings decide, failed safeguards alone do not
        boolean pyramid = api().ok("/merchants/" + truth.merchantId().value() + "/risk").path("pyramidSuspected").asBoolean();
        return new Outcome(truth, fired, pyramid);
    }

    /** Scores and the markdown table. */
    private record Report(List<Outcome> outcomes) {

        long count(boolean truth, boolean predicted) {
            return outcomes.stream().filter(o -> o.truth().pyramid() == truth && o.predictedPyramid() == predicted).count();
        }

        double precision() {
            long tp = count(true, true);
            long fp = count(false, true);
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            long tp = count(true, true);
            long fn = count(true, false);
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        String confusion() {
            return "TP %d, FP %d, FN %d, TN %d".formatted(count(true, true), count(false, true), count(true, false),
                    count(false, false));
        }

        String markdown(int seeds, int[] sizes, List<FeedResult> fed, Duration feeding, Duration judged) {
            long commands = fed.stream().mapToLong(f -> f.truth().commands() + 1).sum();
            var out = new StringBuilder();
            out.append("Scenarios: %d kinds x %d seeds, sizes %s in turn (participants; retail sales for the honest retailer), %d months each; %d commands through the command side's bulk import, fed in %ds; all judged %ds after the first command.%n%n"
                    .formatted(ScenarioKind.values().length, seeds, Arrays.toString(sizes), Scenario.DEFAULT_MONTHS,
                            commands, feeding.toSeconds(), judged.toSeconds()));
            out.append("Network level (label: pyramid or not; predicted pyramid when the evaluation under the merchant's jurisdiction says pyramidSuspected): ")
                    .append("precision %.3f, recall %.3f (%s).%n%n".formatted(precision(), recall(), confusion()));
            out.append("| kind | jurisdiction | pyramid | scenarios | predicted pyramid | all expected rules fired | fired outside expected and tolerated | rules fired (scenarios) |\n");
            out.append("|---|---|---|---|---|---|---|---|\n");
            var byKind = new EnumMap<ScenarioKind, List<Outcome>>(ScenarioKind.class);
            outcomes.forEach(o -> byKind.computeIfAbsent(o.truth().kind(), k -> new ArrayList<>()).add(o));
            byKind.forEach((kind, list) -> {
                var fired = new TreeMap<String, Integer>();
                list.forEach(o -> o.fired().forEach(rule -> fired.merge(rule, 1, Integer::sum)));
                out.append("| %s | %s | %s | %d | %d | %d | %d | %s |%n".formatted(kind, kind.jurisdiction(), kind.pyramid() ? "yes" : "no", list.size(),
                        list.stream().filter(Outcome::predictedPyramid).count(),
                        list.stream().filter(o -> o.truth().missing(o.fired()).isEmpty()).count(),
                        list.stream().filter(o -> !o.truth().unexpected(o.fired()).isEmpty()).count(),
                        fired.isEmpty() ? "none" : fired.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                                .reduce((a, b) -> a + ", " + b).orElse("")));
            });
            var misses = new ArrayList<String>();
            outcomes.forEach(o -> {
                if (!o.truth().missing(o.fired()).isEmpty() || !o.truth().unexpected(o.fired()).isEmpty()) {
                    misses.add("- %s: missing %s, unexpected %s".formatted(o.truth().merchantId(),
                            o.truth().missing(o.fired()), o.truth().unexpected(o.fired())));
                }
            });
            if (!misses.isEmpty()) {
                out.append("\nScenarios whose rules did not match the ground truth:\n\n").append(String.join("\n", misses)).append('\n');
            }
            return out.toString();
        }
    }
}
