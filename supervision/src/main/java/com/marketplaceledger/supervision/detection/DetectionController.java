package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.security.Caller;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleSet;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleVersion;
import com.marketplaceledger.supervision.detection.RuleTexts.MeasurementView;
import com.marketplaceledger.supervision.detection.SignalsLoader.Signals;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts;
import com.marketplaceledger.supervision.detection.rules.RuleDescription;
import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.supervision.readside.BusinessDirectory;
import com.marketplaceledger.shared.detection.Measurement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The rule catalogue, rule sets, evaluation on demand, backtests and shadow mode; titles, legal
 * sources, reasons and measurement names in the language of the request.
 */
@RestController
@Tag(name = "Detection", description = "Versioned pyramid-pattern rules and their evaluation")
class DetectionController {

    record RuleView(String ruleId, String title, String category, String severity, String source, boolean periodic,
                    List<VersionView> versions) {
    }

    record VersionView(int version, int logicVersion, Map<String, BigDecimal> thresholds, String origin,
                       Instant createdAt) {
    }

    /** @param createdBy who proposed it ({@code configuration} for the application's properties) */
    record RuleSetView(int version, boolean active, String note, Instant createdAt, String createdBy,
                       List<RuleCatalogue.Activation> activations, Map<String, Integer> rules) {
    }

    record ProposedRuleSet(Integer basedOn, Map<String, Map<String, BigDecimal>> thresholds, String note) {
    }

    record ShadowRequest(Integer ruleSetVersion) {
    }

    record BacktestRequest(Integer ruleSetVersion, String merchantId, LocalDate from, LocalDate to) {
    }

    /** @param reason in the reader's language; {@code reasonCode} and {@code reasonArguments} are what its alert holds */
    record FindingView(String alertId, String ruleId, String title, int ruleVersion, String severity, String category,
                       String period, List<MeasurementView> measurements, String reason, String reasonCode,
                       Map<String, String> reasonArguments, List<String> evidenceEventIds, long evidenceTotal,
                       boolean raised) {
    }

    record Evaluation(String merchantId, String subtreeRootId, LocalDate asOf, int ruleSetVersion, boolean pyramidSuspected,
                      List<FindingView> findings, Signals signals) {
    }

    record ShadowView(Integer shadowRuleSetVersion, int activeRuleSetVersion, List<ShadowFinding> findings) {
    }

    record ShadowFinding(String alertId, String merchantId, String ruleId, String title, int ruleVersion, String period,
                         LocalDate observedOn, List<MeasurementView> measurements, String reason, String reasonCode,
                         Map<String, String> reasonArguments, Instant firstSeenAt, boolean alsoRaisedByActive) {
    }

    private final RuleCatalogue catalogue;
    private final ReadModelSnapshot snapshot;
    private final Evaluator evaluator;
    private final SignalsLoader signals;
    private final Backtest backtest;
    private final Alerts alerts;
    private final ShadowMode shadow;
    private final ContinuousDetection continuous;
    private final BusinessDirectory directory;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final AsyncTaskExecutor executor;
    private final RuleTexts texts;

    DetectionController(RuleCatalogue catalogue, ReadModelSnapshot snapshot, Evaluator evaluator, SignalsLoader signals, Backtest backtest, Alerts alerts,
                        ShadowMode shadow, ContinuousDetection continuous, BusinessDirectory directory,
                        BusinessCalendar calendar, Clock clock, JdbcTemplate jdbc, AsyncTaskExecutor executor,
                        RuleTexts texts) {
        this.catalogue = catalogue;
        this.snapshot = snapshot;
        this.evaluator = evaluator;
        this.signals = signals;
        this.backtest = backtest;
        this.alerts = alerts;
        this.shadow = shadow;
        this.continuous = continuous;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
        this.jdbc = jdbc;
        this.executor = executor;
        this.texts = texts;
    }

    @GetMapping("/detection/rules")
    @Operation(summary = "The rule catalogue: every rule with its legal source and every version of its thresholds")
    List<RuleView> rules() {
        var versions = new TreeMap<String, List<VersionView>>();
        var descriptions = new TreeMap<String, RuleDescription>();
        for (RuleVersion version : catalogue.ruleVersions()) {
            descriptions.put(version.ruleId(), version.rule().description());
            versions.computeIfAbsent(version.ruleId(), id -> new java.util.ArrayList<>()).add(new VersionView(
                    version.version(), version.logicVersion(), version.thresholds().values(), version.origin(),
                    version.createdAt()));
        }
        return descriptions.values().stream().map(d -> new RuleView(d.id(), texts.title(d.id()), d.category().name(),
                d.severity().name(), texts.source(d.id()), d.periodic(), versions.get(d.id()))).toList();
    }

    @GetMapping("/detection/rule-sets")
    @Operation(summary = "Every rule set version, the active one marked")
    List<RuleSetView> ruleSets() {
        return catalogue.ruleSets().stream().map(this::view).toList();
    }

    @GetMapping("/detection/rule-sets/{version}")
    RuleSetView ruleSet(@PathVariable int version) {
        return view(catalogue.ruleSet(version));
    }

    @PostMapping("/detection/rule-sets")
    @Operation(summary = "Propose a rule set: an existing one with some thresholds changed (each change a new rule version); "
            + "inactive until activated, and runnable in shadow mode or a backtest meanwhile")
    ResponseEntity<RuleSetView> propose(@RequestBody ProposedRuleSet proposal) {
        int basedOn = proposal.basedOn() == null ? catalogue.active().version() : proposal.basedOn();
        var changes = proposal.thresholds() == null ? Map.<String, Map<String, BigDecimal>>of() : proposal.thresholds();
        return ResponseEntity.status(HttpStatus.CREATED).body(view(catalogue.propose(basedOn, changes, proposal.note(), Caller.required().subject())));
    }

    @PostMapping("/detection/rule-sets/{version}/activation")
    @Operation(summary = "Make a rule set the active one; every network is judged again by it")
    RuleSetView activate(@PathVariable int version) {
        RuleSet activated = catalogue.activate(version, Caller.required().subject());
        continuous.rejudgeAll();
        return view(activated);
    }

    @GetMapping("/detection/shadow")
    @Operation(summary = "The rule set run in shadow mode and what it found, beside the active set's alerts")
    ShadowView shadowFindings() {
        Integer version = shadow.ruleSetVersion();
        List<ShadowFinding> findings = version == null ? List.of() : jdbc.query("""
                        SELECT s.alert_id, s.merchant_id, s.rule_id, s.rule_version, s.period, s.observed_on,
                               s.measurements::text, s.reason_code, s.reason_arguments::text, s.first_seen_at,
                               EXISTS (SELECT 1 FROM read_model.alert a WHERE a.merchant_id = s.merchant_id
                                       AND a.rule_id = s.rule_id AND a.period IS NOT DISTINCT FROM s.period) AS also
                        FROM read_model.shadow_finding s WHERE s.rule_set_version = ?
                        ORDER BY s.merchant_id, s.rule_id, s.period""",
                (row, n) -> {
                    Map<String, String> arguments = RuleTexts.arguments(row.getString(9));
                    return new ShadowFinding(row.getString(1), row.getString(2), row.getString(3),
                            texts.title(row.getString(3)), row.getInt(4), row.getString(5), row.getDate(6).toLocalDate(),
                            texts.measurements(row.getString(7)), texts.reason(row.getString(8), arguments),
                            row.getString(8), arguments, row.getTimestamp(10).toInstant(), row.getBoolean(11));
                }, version);
        return new ShadowView(version, catalogue.active().version(), findings);
    }

    @PutMapping("/detection/shadow")
    @Operation(summary = "Run a candidate rule set in shadow mode beside the active one: findings, no alerts")
    ShadowView runInShadow(@RequestBody ShadowRequest request) {
        if (request.ruleSetVersion() == null) {
            throw QueryRefused.badParameter("ruleSetVersion", "shadow-rule-set", Map.of());
        }
        catalogue.ruleSet(request.ruleSetVersion());
        shadow.run(request.ruleSetVersion());
        continuous.rejudgeAll();
        return shadowFindings();
    }

    @DeleteMapping("/detection/shadow")
    ResponseEntity<Void> stopShadow() {
        shadow.run(null);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/detection/backtests")
    @Operation(summary = "Run a rule set over the whole history: which alerts it would have raised, and from which day")
    Backtest.Result backtest(@RequestBody BacktestRequest request) {
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw QueryRefused.badParameter("to", "before-from", Map.of("value", request.to(), "from", request.from()));
        }
        RuleSet ruleSet = request.ruleSetVersion() == null ? catalogue.active() : catalogue.ruleSet(request.ruleSetVersion());
        if (request.merchantId() != null) {
            directory.requireMerchant(request.merchantId());
        }
        return backtest.run(ruleSet, request.merchantId(), request.from(), request.to());
    }

    @GetMapping("/merchants/{merchantId}/risk")
    @Operation(summary = "Judge a merchant's network now or as of a past day: signals and findings (no alerts raised)")
    Evaluation networkRisk(@PathVariable String merchantId,
                           @Parameter(description = "A business date (YYYY-MM-DD). Absent: as the live evaluation judges, as of the network's newest business day.") @RequestParam(required = false) LocalDate asOf,
                           @Parameter(description = "A rule set version. Absent: the active one.") @RequestParam(required = false) Integer ruleSet) {
        directory.requireMerchant(merchantId);
        return evaluate(merchantId, null, asOf, ruleSet);
    }

    @GetMapping("/merchants/{merchantId}/distributors/{distributorId}/risk")
    @Operation(summary = "Judge one distributor's subtree (it as the organiser, and its downline), now or as of a past day")
    Evaluation subtreeRisk(@PathVariable String merchantId, @PathVariable String distributorId,
                           @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Integer ruleSet) {
        directory.requireDistributor(merchantId, distributorId, asOf);
        return evaluate(merchantId, distributorId, asOf, ruleSet);
    }

    private Evaluation evaluate(String merchantId, String subtreeRootId, LocalDate asOf, Integer ruleSetVersion) {
        RuleSet ruleSet = ruleSetVersion == null ? catalogue.active() : catalogue.ruleSet(ruleSetVersion);
        return snapshot.read(() -> {
            LocalDate day = asOf == null ? evaluator.liveDay(merchantId, calendar.dayOf(clock.instant())) : asOf;
            NetworkFacts facts = evaluator.facts(merchantId, subtreeRootId, day);
            // the signals read sums of their own: measured beside the rules, on a second connection in the same
            // snapshot, a network of a million is judged in the longer of the two times instead of their sum
            CompletableFuture<Signals> measured = snapshot.readBeside(() -> signals.signals(facts), executor);
            var candidates = evaluator.evaluate(facts, ruleSet);
            var raised = alerts.raisedIds(merchantId);
            List<FindingView> findings = candidates.stream().map(c -> {
                var d = c.rule().rule().description();
                var f = c.finding();
                return new FindingView(c.alertId().value(), c.rule().ruleId(), texts.title(d.id()), c.rule().version(),
                        d.severity().name(), d.category().name(), f.period(), texts.measurements(f.measurements()),
                        texts.reason(f.reason().code(), f.reason().arguments()), f.reason().code(), f.reason().arguments(),
                        f.evidence().eventIds(), f.evidence().total(), raised.contains(c.alertId().value()));
            }).toList();
            boolean pyramid = findings.stream().anyMatch(f -> f.category().equals("PYRAMID_INDICATOR"));
            return new Evaluation(merchantId, subtreeRootId, day, ruleSet.version(), pyramid, findings, result(measured));
        });
    }

    private static <T> T result(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private RuleSetView view(RuleSet set) {
        var rules = new TreeMap<String, Integer>();
        set.rules().forEach(r -> rules.put(r.ruleId(), r.version()));
        return new RuleSetView(set.version(), set.active(), set.note(), set.createdAt(), set.createdBy(),
                catalogue.activations(set.version()), rules);
    }
}
