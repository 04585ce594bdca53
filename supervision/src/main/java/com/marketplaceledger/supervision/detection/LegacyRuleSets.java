package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.governance.ActivateRuleSet;
import com.marketplaceledger.shared.governance.ProposeRuleSet;
import com.marketplaceledger.shared.governance.ProposedRule;
import com.marketplaceledger.shared.governance.RuleSetCommand;
import com.marketplaceledger.shared.governance.RuleSetOrigin;
import com.marketplaceledger.shared.governance.RuleSetProposed;
import com.marketplaceledger.shared.governance.RuleSetVersion;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rule sets kept as rows before they were events (the {@code legacy_detection_*} tables of
 * migration V13), recorded once as the events they would have been: each rule set proposed, and
 * each activation, in the order they happened, with their original authors and times, through the
 * same commands as every decision. Every rule version named again is named by its number, every new
 * one by its content; each recorded proposal is checked against its row, so the numbers alerts pin
 * are the numbers the events give, or the start-up fails.
 */
@Component
class LegacyRuleSets {

    private static final Logger log = LoggerFactory.getLogger(LegacyRuleSets.class);

    private record LegacySet(int version, Map<String, Integer> rules, String note, Instant createdAt, String createdBy) {
    }

    private record LegacyVersion(int logicVersion, Map<String, Long> thresholds, String origin) {
    }

    private record LegacyActivation(int version, Instant at, String by) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final EventStore events;

    LegacyRuleSets(NamedParameterJdbcTemplate jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records the legacy rule sets, unless the rule sets' stream has events already; in the caller's transaction. */
    void recordOnce(Function<RuleSetCommand, Object> send) {
        if (events.readEvents(StreamIds.detectionRuleSet()).hasNext()) {
            return;
        }
        List<LegacySet> sets = sets();
        if (sets.isEmpty()) {
            return;
        }
        Map<String, Map<Integer, LegacyVersion>> versions = versions();
        List<LegacyActivation> activations = activations();
        Set<String> recorded = new HashSet<>();
        int proposed = 0;
        for (LegacyActivation activation : activations) {
            // every rule set made before the activation, and the one it activates, comes first
            while (proposed < sets.size() && (sets.get(proposed).version() <= activation.version()
                    || !sets.get(proposed).createdAt().isAfter(activation.at()))) {
                propose(sets.get(proposed++), versions, recorded, send);
            }
            send.apply(new ActivateRuleSet(RuleSetVersion.of(activation.version()), activation.by(), activation.at()));
        }
        while (proposed < sets.size()) {
            propose(sets.get(proposed++), versions, recorded, send);
        }
        log.info("recorded {} rule sets and {} activations kept before rule sets were events", sets.size(), activations.size());
    }

    private void propose(LegacySet set, Map<String, Map<Integer, LegacyVersion>> versions, Set<String> recorded,
                         Function<RuleSetCommand, Object> send) {
        var rules = new TreeMap<String, ProposedRule>();
        var newOrigins = new HashSet<String>();
        set.rules().forEach((ruleId, version) -> {
            if (recorded.add(ruleId + " v" + version)) {
                LegacyVersion content = versions.getOrDefault(ruleId, Map.of()).get(version);
                if (content == null) {
                    throw new IllegalStateException("legacy rule set " + set.version() + " names " + ruleId + " v" + version
                            + ", which legacy_detection_rule_version does not hold");
                }
                rules.put(ruleId, ProposedRule.content(content.logicVersion(), content.thresholds()));
                newOrigins.add(content.origin());
            } else {
                rules.put(ruleId, ProposedRule.existing(version));
            }
        });
        boolean configuration = RuleSetDecisions.CONFIGURATION.equals(set.createdBy())
                || (set.createdBy() == null && newOrigins.equals(Set.of(RuleSetDecisions.CONFIGURATION)));
        Object made = send.apply(new ProposeRuleSet(null, rules, null, null,
                configuration ? RuleSetOrigin.CONFIGURATION : RuleSetOrigin.REGULATOR, set.note(), set.createdBy(),
                set.createdAt()));
        RuleSetProposed event = lastProposal();
        if (!Integer.valueOf(set.version()).equals(made) || event == null || !event.rules().equals(set.rules())) {
            throw new IllegalStateException("legacy rule set " + set.version() + " " + set.rules() + " was recorded as "
                    + (event == null ? "nothing" : "rule set " + made + " " + event.rules())
                    + "; the legacy rows are left as they are, and nothing is recorded");
        }
    }

    private RuleSetProposed lastProposal() {
        DomainEventStream stream = events.readEvents(StreamIds.detectionRuleSet());
        RuleSetProposed last = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof RuleSetProposed proposed) {
                last = proposed;
            }
        }
        return last;
    }

    private List<LegacySet> sets() {
        return jdbc.query("""
                        SELECT version, rules, note, created_at, created_by FROM read_model.legacy_detection_rule_set
                        ORDER BY version""", new MapSqlParameterSource(),
                (row, n) -> new LegacySet(row.getInt("version"),
                        read(row.getString("rules"), new TypeReference<TreeMap<String, Integer>>() {
                        }), row.getString("note"), row.getTimestamp("created_at").toInstant(), row.getString("created_by")));
    }

    private Map<String, Map<Integer, LegacyVersion>> versions() {
        var versions = new TreeMap<String, Map<Integer, LegacyVersion>>();
        jdbc.query("""
                SELECT rule_id, version, logic_version, thresholds, origin FROM read_model.legacy_detection_rule_version""",
                row -> {
                    var thresholds = new TreeMap<String, Long>();
                    read(row.getString("thresholds"), new TypeReference<Map<String, BigDecimal>>() {
                    }).forEach((name, value) -> thresholds.put(name, value.longValueExact()));
                    versions.computeIfAbsent(row.getString("rule_id"), id -> new TreeMap<>()).put(row.getInt("version"),
                            new LegacyVersion(row.getInt("logic_version"), thresholds, row.getString("origin")));
                });
        return versions;
    }

    private List<LegacyActivation> activations() {
        return new ArrayList<>(jdbc.query("""
                        SELECT version, activated_at, activated_by FROM read_model.legacy_detection_rule_set_activation
                        ORDER BY activation""", new MapSqlParameterSource(),
                (row, n) -> new LegacyActivation(row.getInt("version"), row.getTimestamp("activated_at").toInstant(),
                        row.getString("activated_by"))));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return LedgerJson.objectMapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable legacy rule catalogue column " + json, e);
        }
    }
}
