package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleSet;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleVersion;
import com.marketplaceledger.supervision.detection.rules.DetectionRule;
import com.marketplaceledger.supervision.detection.rules.RuleBook;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.supervision.readside.ReadModelProgress;
import com.marketplaceledger.shared.StorableText;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.governance.ActivateRuleSet;
import com.marketplaceledger.shared.governance.ProposeRuleSet;
import com.marketplaceledger.shared.governance.ProposedRule;
import com.marketplaceledger.shared.governance.RuleSetCommand;
import com.marketplaceledger.shared.governance.RuleSetOrigin;
import com.marketplaceledger.shared.governance.RuleSetVersion;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one write path of rule-set decisions: a regulator's proposal or activation, and the
 * configuration's at start-up, are commands to the {@link RuleSetRegister} through the command
 * gateway, recorded as events (sealed and in the audit trail like every other). A regulator's answer
 * waits until the rule-catalogue read model holds the decision, so what follows (a backtest, the
 * re-judging of every network) already sees it.
 */
@Component
class RuleSetDecisions {

    static final String CONFIGURATION = "configuration";
    private static final Logger log = LoggerFactory.getLogger(RuleSetDecisions.class);
    /** Rules read thresholds as longs. */
    private static final BigDecimal LARGEST_THRESHOLD = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final long POLL_MILLIS = 20;
    /** Two instances starting at once decide on the same stream: the one that loses tries again. */
    private static final int ATTEMPTS = 3;
    /**
     * How long the start-up waits for the rule-catalogue read model to hold configuration's rule set
     * before it lets requests in: a moment on a store it has followed, longer when it was just added
     * to a long event log, and then requests needing a rule set are answered 503 until it has.
     */
    private static final Duration CATALOGUE_AT_START = Duration.ofSeconds(30);

    private final CommandGateway gateway;
    private final Validator validator;
    private final RuleCatalogue catalogue;
    private final LegacyRuleSets legacy;
    private final EventPositions positions;
    private final ReadModelProgress readModels;
    private final DetectionProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration maxWait;
    private final Map<String, DetectionRule> rules = new TreeMap<>();

    RuleSetDecisions(CommandGateway gateway, Validator validator, RuleCatalogue catalogue, LegacyRuleSets legacy,
                     EventPositions positions, ReadModelProgress readModels, DetectionProperties properties,
                     PlatformTransactionManager transactions, Clock clock,
                     @Value("${ledger.query.min-position-wait:5s}") Duration maxWait) {
        this.gateway = gateway;
        this.validator = validator;
        this.catalogue = catalogue;
        this.legacy = legacy;
        this.positions = positions;
        this.readModels = readModels;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.maxWait = maxWait;
        RuleBook.rules().forEach(rule -> rules.put(rule.description().id(), rule));
    }

    /**
     * At start-up: rule sets kept as rows before they were events are recorded as events once, then
     * configuration proposes its thresholds and signals, and activates the rule set that makes, if
     * any: a difference from configuration's last rule versions (or a new logic version) makes a new
     * rule version and rule set; rule sets made by regulators stay in force until configuration
     * changes. Each step is one transaction: its events are recorded together or not at all.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void applyConfiguration() {
        properties.thresholds().keySet().stream().filter(id -> !rules.containsKey(id)).findFirst().ifPresent(id -> {
            throw new IllegalStateException("ledger.detection.thresholds names no rule " + id + "; rules: " + rules.keySet());
        });
        ProposeRuleSet configured = configuredProposal();
        retried(() -> transaction.executeWithoutResult(status -> legacy.recordOnce(this::send)));
        retried(() -> transaction.executeWithoutResult(status -> {
            Integer version = (Integer) send(configured);
            if (version != null) {
                send(new ActivateRuleSet(RuleSetVersion.of(version), CONFIGURATION, configured.occurredAt()));
                log.info("configuration proposed and activated rule set {}", version);
            }
        }));
        long position = positions.lastPositionOf(StreamIds.detectionRuleSet()).orElse(0);
        if (!catalogueReaches(position, CATALOGUE_AT_START)) {
            log.warn("the rule-catalogue read model has not reached the rule sets' position {} after {}; evaluations are "
                    + "refused until it has", position, CATALOGUE_AT_START);
        }
    }

    /**
     * A new, inactive rule set: {@code basedOn}'s rules (the active set's when null) with the given
     * thresholds changed, each change a new rule version; its jurisdictions and signals as given, or
     * the base's when null.
     */
    RuleSet propose(Integer basedOn, Map<String, Map<String, BigDecimal>> changes, Map<String, List<String>> jurisdictions,
                    Map<String, List<String>> signals, String note, String by) {
        RuleSet base = basedOn == null ? catalogue.active() : catalogue.ruleSet(basedOn);
        var proposed = new TreeMap<String, ProposedRule>();
        changes.forEach((id, values) -> {
            RuleVersion current = base.rules().stream().filter(r -> r.ruleId().equals(id)).findFirst()
                    .orElseThrow(() -> QueryRefused.badParameter("thresholds", "no-rule", Map.of("rule", id, "rules", rules.keySet())));
            if (values == null) {
                throw QueryRefused.badParameter("thresholds", "no-thresholds", Map.of("rule", id));
            }
            var merged = new TreeMap<String, Long>();
            current.thresholds().values().forEach((name, value) -> merged.put(name, value.longValueExact()));
            values.forEach((name, value) -> {
                if (!merged.containsKey(name)) {
                    throw QueryRefused.badParameter("thresholds", "no-threshold", Map.of("rule", id, "name", name, "known", merged.keySet()));
                }
                merged.put(name, whole(id, name, value));
            });
            int logicVersion = current.rule().description().logicVersion();
            boolean unchanged = logicVersion == current.logicVersion()
                    && merged.equals(longs(current.thresholds().values()));
            if (!unchanged) {
                proposed.put(id, ProposedRule.content(logicVersion, merged));
            }
        });
        requireSignalsOfOtherJurisdictions(base, jurisdictions, signals);
        Integer version = (Integer) send(new ProposeRuleSet(RuleSetVersion.of(base.version()), proposed, jurisdictions,
                signals, RuleSetOrigin.REGULATOR, note, by, now()));
        awaitCatalogue(version);
        return catalogue.ruleSet(version);
    }

    RuleSet activate(int version, String by) {
        send(new ActivateRuleSet(RuleSetVersion.of(version), by, now()));
        awaitCatalogue(version);
        return catalogue.ruleSet(version);
    }

    /** What configuration asks for: every rule's logic version and configured thresholds, and its signals. */
    private ProposeRuleSet configuredProposal() {
        var proposed = new TreeMap<String, ProposedRule>();
        rules.forEach((id, rule) -> {
            var values = new TreeMap<String, Long>();
            rule.description().thresholds().forEach((name, value) -> values.put(name, value.longValueExact()));
            properties.thresholds().getOrDefault(id, Map.of()).forEach((name, value) -> {
                if (!values.containsKey(name)) {
                    throw new IllegalStateException("ledger.detection.thresholds." + id + " has no " + name + "; it has "
                            + values.keySet());
                }
                if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                        || value.compareTo(LARGEST_THRESHOLD) > 0) {
                    throw new IllegalStateException("ledger.detection.thresholds." + id + "." + name
                            + " must be a whole number from 0 to " + LARGEST_THRESHOLD);
                }
                values.put(name, value.longValueExact());
            });
            proposed.put(id, ProposedRule.content(rule.description().logicVersion(), values));
        });
        return new ProposeRuleSet(null, proposed, Map.of(), properties.signals(), RuleSetOrigin.CONFIGURATION, null,
                CONFIGURATION, now());
    }

    /** A signal shows another jurisdiction's rule: one that already judges the jurisdiction is refused. */
    private static void requireSignalsOfOtherJurisdictions(RuleSet base, Map<String, List<String>> jurisdictions,
                                                           Map<String, List<String>> signals) {
        if (signals == null) {
            return;
        }
        var mapped = new RuleSet(base.version(), base.basedOn(), base.rules(),
                jurisdictions == null ? base.jurisdictions() : jurisdictions, Map.of(), null, base.createdAt(), null, false);
        signals.forEach((jurisdiction, named) -> {
            if (named == null) {
                throw QueryRefused.badParameter("signals", "no-signal-rules", Map.of("jurisdiction", jurisdiction));
            }
            mapped.rulesFor(jurisdiction).stream().map(RuleVersion::ruleId).filter(named::contains).findFirst()
                    .ifPresent(rule -> {
                        throw QueryRefused.badParameter("signals", "signal-judges-already",
                                Map.of("rule", rule, "jurisdiction", jurisdiction));
                    });
        });
    }

    private static long whole(String rule, String name, BigDecimal value) {
        // every threshold counts something whole: people, days, basis points, minor units
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(LARGEST_THRESHOLD) > 0) {
            throw QueryRefused.badParameter("thresholds", "threshold-range", Map.of("rule", rule, "name", name,
                    "max", LARGEST_THRESHOLD));
        }
        return value.longValueExact();
    }

    private static Map<String, Long> longs(Map<String, BigDecimal> values) {
        var result = new TreeMap<String, Long>();
        values.forEach((name, value) -> result.put(name, value.longValueExact()));
        return result;
    }

    /** Sends a validated command and answers its result; Axon's refusals become problems. */
    Object send(RuleSetCommand command) {
        validator.validate(command).stream()
                .min(Comparator.comparing((ConstraintViolation<RuleSetCommand> v) -> v.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw QueryRefused.badParameter(requestField(violation), "constraint", Map.of("reason", violation.getMessage()));
                });
        StorableText.fieldsWithNul(command).stream().findFirst().ifPresent(field -> {
            throw QueryRefused.badParameter(field, "nul-in-field", Map.of());
        });
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException failure) {
            throw refusal(command, failure);
        }
    }

    private static String requestField(ConstraintViolation<?> violation) {
        String first = violation.getPropertyPath().iterator().next().getName();
        return first.equals("rules") ? "thresholds" : first;
    }

    private static RuntimeException refusal(RuleSetCommand command, RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryRefused refused) {
                return refused;
            }
            if (cause instanceof AggregateNotFoundException && command instanceof ActivateRuleSet activation) {
                return QueryRefused.notFound("rule-set", activation.ruleSetVersion().toString());
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                // another decision on rule sets was recorded at the same moment, by another instance
                return new QueryRefused(HttpStatus.CONFLICT, "concurrent-modification", null, "rule-set", Map.of()).retryAfter(1);
            }
        }
        return failure;
    }

    /** Until the rule-catalogue read model holds the rule sets' newest event, for a bounded time. */
    private void awaitCatalogue(int ruleSetVersion) {
        long position = positions.lastPositionOf(StreamIds.detectionRuleSet()).orElse(0);
        if (!catalogueReaches(position, maxWait)) {
            throw new QueryRefused(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", null, "rule-catalogue",
                    Map.of("ruleSetVersion", ruleSetVersion, "position", position, "waitMillis", maxWait.toMillis()))
                    .with("ruleSetVersion", ruleSetVersion).with("position", position).retryAfter(1);
        }
    }

    private boolean catalogueReaches(long position, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!readModels.hasProcessed(RuleCatalogueProjection.NAME, position)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    private void retried(Runnable step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !concurrent(failure)) {
                    throw failure;
                }
                log.info("another instance decided on rule sets at the same time; deciding again");
            }
        }
    }

    private static boolean concurrent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
            if (cause instanceof QueryRefused refused && refused.rule().equals("concurrent-modification")) {
                return true;
            }
        }
        return false;
    }

    /** The time of a decision, to the millisecond. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
