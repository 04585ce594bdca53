package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.governance.ActivateRuleSet;
import com.marketplaceledger.shared.governance.NewRuleVersion;
import com.marketplaceledger.shared.governance.ProposeRuleSet;
import com.marketplaceledger.shared.governance.ProposedRule;
import com.marketplaceledger.shared.governance.RuleSetActivated;
import com.marketplaceledger.shared.governance.RuleSetOrigin;
import com.marketplaceledger.shared.governance.RuleSetProposed;
import com.marketplaceledger.shared.governance.RuleSetVersion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The register of rule sets, one stream for all of them: it numbers rule sets and rule versions,
 * knows which exist (an unknown one is never activated) and which is active. A rule a regulator
 * names with content is a new version (a regulator's proposal names only the rules it changes);
 * one configuration names is a new version unless it is what configuration's last version of it
 * holds, so that a regulator's choice stays in force until configuration changes.
 */
@Aggregate
class RuleSetRegister {

    /** A rule version's content. */
    private record Content(int logicVersion, Map<String, Long> thresholds) {
    }

    /** A rule set's rules and mappings. */
    private record Set(Map<String, Integer> rules, Map<String, List<String>> jurisdictions,
                       Map<String, List<String>> signals) {
    }

    @AggregateIdentifier
    private String streamId;
    private final Map<Integer, Set> sets = new HashMap<>();
    private final Map<String, TreeMap<Integer, Content>> versions = new HashMap<>();
    private final Map<String, Integer> lastByConfiguration = new HashMap<>();
    /** The mappings configuration last gave: what its next proposal is compared with. */
    private Map<String, List<String>> configuredJurisdictions = Map.of();
    private Map<String, List<String>> configuredSignals = Map.of();
    private Integer active;

    RuleSetRegister() {
        // rebuilt from its events by Axon, or made by the first proposal
    }

    /**
     * Answers the number of the rule set proposed, or null when configuration proposed nothing
     * because nothing had changed since its last proposal.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Integer handle(ProposeRuleSet command) {
        Integer base = command.basedOn() == null ? active : Integer.valueOf(command.basedOn().value());
        if (base != null && !sets.containsKey(base)) {
            throw QueryRefused.notFound("rule-set", String.valueOf(base));
        }
        boolean configuration = command.origin() == RuleSetOrigin.CONFIGURATION;
        var rules = new TreeMap<String, Integer>(base == null ? Map.of() : sets.get(base).rules());
        var made = new ArrayList<NewRuleVersion>();
        new TreeMap<>(command.rules()).forEach((ruleId, proposed) -> {
            if (!configuration && !rules.containsKey(ruleId)) {
                throw QueryRefused.badParameter("thresholds", "not-in-rule-set", Map.of("ruleSet", String.valueOf(base), "rule", ruleId));
            }
            if (proposed.isExisting()) {
                requireVersion(ruleId, proposed.version());
                rules.put(ruleId, proposed.version());
                return;
            }
            Integer reference = lastByConfiguration.get(ruleId);
            if (configuration && reference != null && versions.get(ruleId).get(reference).equals(content(proposed))) {
                rules.putIfAbsent(ruleId, reference);
                return;
            }
            int version = versions.containsKey(ruleId) ? versions.get(ruleId).lastKey() + 1 : 1;
            made.add(new NewRuleVersion(ruleId, version, proposed.logicVersion(), proposed.thresholds()));
            rules.put(ruleId, version);
        });
        if (rules.isEmpty()) {
            throw QueryRefused.badParameter("thresholds", "no-rules", Map.of());
        }
        var jurisdictions = mapping(command.jurisdictions(), base, Set::jurisdictions,
                configuration ? configuredJurisdictions : null);
        var signals = mapping(command.signals(), base, Set::signals, configuration ? configuredSignals : null);
        requireRulesOfTheSet("jurisdictions", jurisdictions, rules);
        requireRulesOfTheSet("signals", signals, rules);
        if (configuration && active != null && made.isEmpty() && rules.equals(sets.get(base).rules())
                && jurisdictions.equals(sets.get(base).jurisdictions()) && signals.equals(sets.get(base).signals())) {
            return null;
        }
        int number = sets.size() + 1;
        apply(new RuleSetProposed(RuleSetVersion.of(number), base == null ? null : RuleSetVersion.of(base), rules, made,
                jurisdictions, signals, command.origin(), command.note(), command.by(), command.occurredAt()));
        return number;
    }

    @CommandHandler
    void handle(ActivateRuleSet command) {
        if (!sets.containsKey(command.ruleSetVersion().value())) {
            throw QueryRefused.notFound("rule-set", command.ruleSetVersion().toString());
        }
        apply(new RuleSetActivated(command.ruleSetVersion(), command.by(), command.occurredAt()));
    }

    /**
     * The new set's mapping: as given, else the base's. Configuration gives its mapping every time:
     * unchanged since it last gave it ({@code configured}), the base's stays.
     */
    private Map<String, List<String>> mapping(Map<String, List<String>> given, Integer base,
                                              Function<Set, Map<String, List<String>>> of,
                                              Map<String, List<String>> configured) {
        Map<String, List<String>> inBase = base == null ? Map.of() : of.apply(sets.get(base));
        if (given == null) {
            return inBase;
        }
        var normalised = sorted(given);
        return normalised.equals(configured) ? inBase : normalised;
    }

    private void requireVersion(String ruleId, int version) {
        if (!versions.containsKey(ruleId) || !versions.get(ruleId).containsKey(version)) {
            throw QueryRefused.notFound("rule-version", ruleId + " v" + version);
        }
    }

    private static void requireRulesOfTheSet(String field, Map<String, List<String>> mapping, Map<String, Integer> rules) {
        mapping.forEach((jurisdiction, named) -> named.stream().filter(rule -> !rules.containsKey(rule)).findFirst()
                .ifPresent(rule -> {
                    throw QueryRefused.badParameter(field, "mapped-rule-not-in-set",
                            Map.of("jurisdiction", jurisdiction, "rule", rule, "rules", rules.keySet()));
                }));
    }

    private static Content content(ProposedRule rule) {
        return new Content(rule.logicVersion(), new TreeMap<>(rule.thresholds()));
    }

    private static Map<String, List<String>> sorted(Map<String, List<String>> mapping) {
        var sorted = new TreeMap<String, List<String>>();
        mapping.forEach((jurisdiction, rules) -> sorted.put(jurisdiction, rules.stream().sorted().distinct().toList()));
        return sorted;
    }

    @EventSourcingHandler
    void on(RuleSetProposed event) {
        streamId = StreamIds.detectionRuleSet();
        for (NewRuleVersion made : event.newRuleVersions()) {
            versions.computeIfAbsent(made.ruleId(), id -> new TreeMap<>())
                    .put(made.version(), new Content(made.logicVersion(), new TreeMap<>(made.thresholds())));
            if (event.origin() == RuleSetOrigin.CONFIGURATION) {
                lastByConfiguration.put(made.ruleId(), made.version());
            }
        }
        Set set = new Set(new TreeMap<>(event.rules()), sorted(event.jurisdictions()), sorted(event.signals()));
        Set base = event.basedOn() == null ? null : sets.get(event.basedOn().value());
        if (event.origin() == RuleSetOrigin.CONFIGURATION) {
            // a mapping configuration did not change is the base's; one that differs from the base's is configuration's
            if (!set.jurisdictions().equals(base == null ? Map.of() : base.jurisdictions())) {
                configuredJurisdictions = set.jurisdictions();
            }
            if (!set.signals().equals(base == null ? Map.of() : base.signals())) {
                configuredSignals = set.signals();
            }
        }
        sets.put(event.ruleSetVersion().value(), set);
    }

    @EventSourcingHandler
    void on(RuleSetActivated event) {
        active = event.ruleSetVersion().value();
    }
}
