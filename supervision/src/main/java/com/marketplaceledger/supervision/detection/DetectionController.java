package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.security.Caller;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleSet;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleVersion;
import com.marketplaceledger.supervision.detection.JobViews.JobView;
import com.marketplaceledger.supervision.detection.RuleTexts.MeasurementView;
import com.marketplaceledger.supervision.detection.SignalsLoader.Signals;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts;
import com.marketplaceledger.supervision.detection.rules.PyramidVerdict;
import com.marketplaceledger.supervision.detection.rules.RuleDescription;
import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.supervision.readside.BusinessDirectory;
import com.marketplaceledger.shared.detection.Measurement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * @param createdBy     who proposed it ({@code configuration} for the application's properties)
     * @param jurisdictions per jurisdiction, the rules that judge its merchants (as the set names them,
     *                      or as the rules declare)
     * @param signals       per jurisdiction, other jurisdictions' rules shown beside them, raising no alert
     */
    record RuleSetView(int version, Integer basedOn, boolean active, String note, Instant createdAt, String createdBy,
                       List<RuleCatalogue.Activation> activations, Map<String, Integer> rules,
                       Map<String, List<String>> jurisdictions, Map<String, List<String>> signals) {
    }

    /**
     * @param jurisdictions absent: the base's mapping
     * @param signals       absent: the base's signals
     */
    record ProposedRuleSet(Integer basedOn, Map<String, Map<String, BigDecimal>> thresholds, String note,
                           Map<String, List<String>> jurisdictions, Map<String, List<String>> signals) {
    }

    /** @param rejudging the job judging every network again by it */
    record Activated(RuleSetView ruleSet, JobView rejudging) {
    }

    record ShadowStarted(ShadowView shadow, JobView rejudging) {
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

    /**
     * @param judgedUnder           the jurisdiction whose rules judged the network: its merchant's, or
     *                              the default ({@code ledger.detection.default-jurisdiction}) when
     *                              the rule set has no rules for the merchant's
     * @param jurisdictionDefaulted whether the default judged it
     * @param findings              the findings of those rules; only these raise alerts
     * @param signalFindings        what other jurisdictions' rules, added to the rule set as signals,
     *                              found: shown beside the findings, never raising an alert
     */
    record Evaluation(String merchantId, String subtreeRootId, LocalDate asOf, int ruleSetVersion, String judgedUnder,
                      boolean jurisdictionDefaulted, boolean pyramidSuspected, VerdictView verdict,
                      List<FindingView> findings, List<FindingView> signalFindings, Signals signals) {
    }

    /**
     * Why the network is, or is not, suspected, in one sentence of the reader's language.
     *
     * @param decisive    the structural findings that made it suspected
     * @param aggravating the failed safeguards found beside them (alone they make no pyramid)
     */
    record VerdictView(boolean suspected, List<String> decisive, List<String> aggravating, String explanation,
                       String code, Map<String, String> arguments) {
    }

    record ShadowView(Integer shadowRuleSetVersion, int activeRuleSetVersion, List<ShadowFinding> findings) {
    }

    record ShadowFinding(String alertId, String merchantId, String ruleId, String title, int ruleVersion, String period,
                         LocalDate observedOn, List<MeasurementView> measurements, String reason, String reasonCode,
                         Map<String, String> reasonArguments, Instant firstSeenAt, boolean alsoRaisedByActive) {
    }

    private final RuleCatalogue catalogue;
    private final RuleSetDecisions decisions;
    private final DetectionJobs jobs;
    private final JobViews jobViews;
    private final Rejudging rejudging;
    private final DetectionProperties properties;
    private final ReadModelSnapshot snapshot;
    private final Evaluator evaluator;
    private final SignalsLoader signals;
    private final Backtest backtest;
    private final Alerts alerts;
    private final ShadowMode shadow;
    private final BusinessDirectory directory;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final AsyncTaskExecutor executor;
    private final RuleTexts texts;

    DetectionController(RuleCatalogue catalogue, RuleSetDecisions decisions, DetectionJobs jobs, JobViews jobViews,
                        Rejudging rejudging, DetectionProperties properties, ReadModelSnapshot snapshot, Evaluator evaluator,
                        SignalsLoader signals, Backtest backtest, Alerts alerts, ShadowMode shadow,
                        BusinessDirectory directory, BusinessCalendar calendar, Clock clock, AsyncTaskExecutor executor,
                        RuleTexts texts) {
        this.catalogue = catalogue;
        this.decisions = decisions;
        this.jobs = jobs;
        this.jobViews = jobViews;
        this.rejudging = rejudging;
        this.properties = properties;
        this.snapshot = snapshot;
        this.evaluator = evaluator;
        this.signals = signals;
        this.backtest = backtest;
        this.alerts = alerts;
        this.shadow = shadow;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
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
    @Operation(summary = "Propose a rule set: an existing one with some thresholds changed (each change a new rule version), "
            + "its jurisdictions' rules and signals as given; recorded as a RuleSetProposed event; inactive until activated, "
            + "and runnable in shadow mode or a backtest meanwhile")
    ResponseEntity<RuleSetView> propose(@RequestBody ProposedRuleSet proposal) {
        var changes = proposal.thresholds() == null ? Map.<String, Map<String, BigDecimal>>of() : proposal.thresholds();
        RuleSet proposed = decisions.propose(proposal.basedOn(), changes, proposal.jurisdictions(), proposal.signals(),
                proposal.note(), Caller.required().subject());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(proposed));
    }

    @PostMapping("/detection/rule-sets/{version}/activation")
    @Operation(summary = "Make a rule set the active one (a RuleSetActivated event); answers at once with the job "
            + "judging every network again by it")
    Activated activate(@PathVariable int version) {
        String by = Caller.required().subject();
        RuleSet activated = decisions.activate(version, by);
        return new Activated(view(activated), jobViews.view(rejudging.start("activation", version, by)));
    }

    @GetMapping("/detection/shadow")
    @Operation(summary = "The rule set run in shadow mode and what it found, beside the active set's alerts")
    ShadowView shadowFindings() {
        Integer version = shadow.ruleSetVersion();
        return new ShadowView(version, catalogue.active().version(), version == null ? List.of() : shadow.findings(version));
    }

    @PutMapping("/detection/shadow")
    @Operation(summary = "Run a candidate rule set in shadow mode beside the active one: findings, no alerts; answers "
            + "at once with the job judging every network by both")
    ShadowStarted runInShadow(@RequestBody ShadowRequest request) {
        if (request.ruleSetVersion() == null) {
            throw QueryRefused.badParameter("ruleSetVersion", "shadow-rule-set", Map.of());
        }
        catalogue.ruleSet(request.ruleSetVersion());
        shadow.run(request.ruleSetVersion());
        var job = rejudging.start("shadow", request.ruleSetVersion(), Caller.required().subject());
        return new ShadowStarted(shadowFindings(), jobViews.view(job));
    }

    @DeleteMapping("/detection/shadow")
    ResponseEntity<Void> stopShadow() {
        shadow.run(null);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/detection/backtests")
    @Operation(summary = "Start a backtest job: a rule set run over the whole history, which alerts it would have raised, "
            + "and from which day; answers 202 at once, the job at its Location")
    @ApiResponse(responseCode = "202", description = "the job, RUNNING; its result once GET /detection/jobs/{jobId} says SUCCEEDED")
    @ApiResponse(responseCode = "503", description = "as many backtests as ledger.detection.max-backtests run already (rule too-many-jobs)")
    ResponseEntity<JobView> backtest(@RequestBody BacktestRequest request) {
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw QueryRefused.badParameter("to", "before-from", Map.of("value", request.to(), "from", request.from()));
        }
        RuleSet ruleSet = request.ruleSetVersion() == null ? catalogue.active() : catalogue.ruleSet(request.ruleSetVersion());
        if (request.merchantId() != null) {
            directory.requireMerchant(request.merchantId());
        }
        if (jobs.running(DetectionJobs.Kind.BACKTEST) >= properties.maxBacktests()) {
            throw new QueryRefused(HttpStatus.SERVICE_UNAVAILABLE, "too-many-jobs", null, null,
                    Map.of("running", properties.maxBacktests())).retryAfter(10);
        }
        var asked = new BacktestRequest(ruleSet.version(), request.merchantId(), request.from(), request.to());
        var job = jobs.start(DetectionJobs.Kind.BACKTEST, Json.write(asked), Caller.required().subject(),
                progress -> backtest.run(ruleSet, request.merchantId(), request.from(), request.to(), progress));
        return ResponseEntity.accepted().location(URI.create(JobViews.location(job.jobId()))).body(jobViews.view(job));
    }

    @GetMapping("/merchants/{merchantId}/risk")
    @Operation(summary = "Judge a merchant's network now or as of a past day: signals and findings (no alerts raised)")
    Evaluation networkRisk(@PathVariable String merchantId,
                           @Parameter(description = "A business date (YYYY-MM-DD) in the merchant's zone. Absent: as the live evaluation judges, as of the network's newest business day.") @RequestParam(required = false) LocalDate asOf,
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
            LocalDate day = asOf == null ? evaluator.liveDay(merchantId, calendar.dayOf(merchantId, clock.instant())) : asOf;
            NetworkFacts facts = evaluator.facts(merchantId, subtreeRootId, day);
            // the signals read sums of their own: measured beside the rules, on a second connection in the same
            // snapshot, a network of a million is judged in the longer of the two times instead of their sum
            CompletableFuture<Signals> measured = snapshot.readBeside(() -> signals.signals(facts), executor);
            var judged = evaluator.evaluate(facts, ruleSet);
            var raised = alerts.raisedIds(merchantId);
            List<FindingView> findings = judged.findings().stream().map(c -> view(c, raised)).toList();
            List<FindingView> signalFindings = judged.signals().stream().map(c -> view(c, raised)).toList();
            var verdict = PyramidVerdict.of(judged.findings().stream()
                    .map(c -> new PyramidVerdict.Judged(c.rule().ruleId(), c.rule().rule().description().category())).toList());
            return new Evaluation(merchantId, subtreeRootId, day, ruleSet.version(), judged.judgedUnder(),
                    judged.jurisdictionDefaulted(), verdict.suspected(), new VerdictView(verdict.suspected(), verdict.decisive(),
                    verdict.aggravating(), texts.verdict(verdict), verdict.code(), verdict.arguments()),
                    findings, signalFindings, result(measured));
        });
    }

    private FindingView view(Evaluator.Candidate candidate, Set<String> raised) {
        var description = candidate.rule().rule().description();
        var finding = candidate.finding();
        return new FindingView(candidate.alertId().value(), candidate.rule().ruleId(), texts.title(description.id()),
                candidate.rule().version(), description.severity().name(), description.category().name(), finding.period(),
                texts.measurements(finding.measurements()), texts.reason(finding.reason().code(), finding.reason().arguments()),
                finding.reason().code(), finding.reason().arguments(), finding.evidence().eventIds(), finding.evidence().total(),
                raised.contains(candidate.alertId().value()));
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
        var jurisdictions = new TreeMap<String, List<String>>();
        var signalRules = new TreeMap<String, List<String>>();
        for (String jurisdiction : set.jurisdictionsJudged()) {
            jurisdictions.put(jurisdiction, set.rulesFor(jurisdiction).stream().map(RuleVersion::ruleId).toList());
            var shown = set.signalsFor(jurisdiction).stream().map(RuleVersion::ruleId).toList();
            if (!shown.isEmpty()) {
                signalRules.put(jurisdiction, shown);
            }
        }
        return new RuleSetView(set.version(), set.basedOn(), set.active(), set.note(), set.createdAt(), set.createdBy(),
                catalogue.activations(set.version()), rules, jurisdictions, signalRules);
    }
}
