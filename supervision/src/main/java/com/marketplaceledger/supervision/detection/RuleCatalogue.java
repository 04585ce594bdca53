package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.supervision.detection.rules.DetectionRule;
import com.marketplaceledger.supervision.detection.rules.RuleBook;
import com.marketplaceledger.supervision.detection.rules.Thresholds;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.LedgerJson;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The versioned rule catalogue, as the rule-catalogue read model holds it ({@link
 * RuleCatalogueProjection}, from the rule sets' events; {@link RuleSetDecisions} makes them). Every
 * rule has numbered versions (its logic version and its thresholds); a rule set names one version of
 * every rule, maps jurisdictions to the rules that judge their merchants, and may add other
 * jurisdictions' rules as signals. An alert names the rule version and rule set that raised it, and
 * both stay readable for ever.
 */
@Component
class RuleCatalogue {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    record RuleVersion(DetectionRule rule, int version, int logicVersion, Thresholds thresholds, String origin,
                       Instant createdAt) {

        String ruleId() {
            return rule.description().id();
        }
    }

    /**
     * A rule set with each of its rules resolved to the version it names.
     *
     * @param jurisdictions per jurisdiction, the rules that judge its merchants; a jurisdiction it does
     *                      not name is judged by the rules declared for it
     * @param signals       per jurisdiction, other jurisdictions' rules shown as signals
     */
    record RuleSet(int version, Integer basedOn, List<RuleVersion> rules, Map<String, List<String>> jurisdictions,
                   Map<String, List<String>> signals, String note, Instant createdAt, String createdBy, boolean active) {

        /** The rules that judge, and may raise alerts for, a merchant of the jurisdiction. */
        List<RuleVersion> rulesFor(String jurisdiction) {
            List<String> named = jurisdictions.get(jurisdiction);
            return rules.stream().filter(rule -> named == null
                    ? rule.rule().description().jurisdiction().equals(jurisdiction)
                    : named.contains(rule.ruleId())).toList();
        }

        /** Other jurisdictions' rules judged and shown for a merchant of the jurisdiction, never raising an alert. */
        List<RuleVersion> signalsFor(String jurisdiction) {
            List<String> named = signals.getOrDefault(jurisdiction, List.of());
            return rules.stream().filter(rule -> named.contains(rule.ruleId())).toList();
        }

        /** The jurisdictions it maps, by name or by the rules' declarations. */
        List<String> jurisdictionsJudged() {
            var all = new TreeSet<>(jurisdictions.keySet());
            rules.forEach(rule -> all.add(rule.rule().description().jurisdiction()));
            all.addAll(signals.keySet());
            return List.copyOf(all);
        }

        private RuleSet activeAs(boolean isActive) {
            return new RuleSet(version, basedOn, rules, jurisdictions, signals, note, createdAt, createdBy, isActive);
        }
    }

    /** A rule set made active, when and by whom. */
    record Activation(Instant at, String by) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<Integer, RuleSet> storedSets = new ConcurrentHashMap<>();
    private final Map<String, DetectionRule> rules = RuleBook.rules().stream()
            .collect(Collectors.toMap(r -> r.description().id(), Function.identity(), (a, b) -> a, TreeMap::new));

    RuleCatalogue(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The active rule set; refused while the read model holds none (before its first events, during a rebuild). */
    RuleSet active() {
        return activeIfKnown().orElseThrow(() -> new QueryRefused(HttpStatus.SERVICE_UNAVAILABLE, "rule-catalogue-empty",
                null, null, Map.of())
                .retryAfter(1));
    }

    Optional<RuleSet> activeIfKnown() {
        return activeVersion().map(this::ruleSet);
    }

    RuleSet ruleSet(int version) {
        Optional<Integer> active = activeVersion();
        return stored(version).activeAs(active.isPresent() && active.get() == version);
    }

    /** When the rule set was made active, and by whom, oldest first. */
    List<Activation> activations(int version) {
        return jdbc.query("""
                        SELECT activated_at, activated_by FROM read_model.detection_rule_set_activation
                        WHERE version = :version ORDER BY activation""", new MapSqlParameterSource("version", version),
                (row, n) -> new Activation(row.getTimestamp("activated_at").toInstant(), row.getString("activated_by")));
    }

    List<RuleSet> ruleSets() {
        return jdbc.queryForList("SELECT version FROM read_model.detection_rule_set ORDER BY version",
                new MapSqlParameterSource(), Integer.class).stream().map(this::ruleSet).toList();
    }

    /** Every version of every rule, oldest first. */
    List<RuleVersion> ruleVersions() {
        return jdbc.query("SELECT rule_id, version FROM read_model.detection_rule_version ORDER BY rule_id, version",
                (row, n) -> ruleVersion(row.getString("rule_id"), row.getInt("version")));
    }

    RuleVersion ruleVersion(String ruleId, int version) {
        DetectionRule rule = rules.get(ruleId);
        var found = jdbc.query("""
                        SELECT logic_version, thresholds, origin, created_at FROM read_model.detection_rule_version
                        WHERE rule_id = :ruleId AND version = :version""",
                new MapSqlParameterSource("ruleId", ruleId).addValue("version", version),
                (row, n) -> new RuleVersion(rule, version, row.getInt("logic_version"), thresholds(row.getString("thresholds")),
                        row.getString("origin"), row.getTimestamp("created_at").toInstant()));
        if (rule == null || found.isEmpty()) {
            throw QueryRefused.notFound("rule-version", ruleId + " v" + version);
        }
        return found.get(0);
    }

    /**
     * Rule sets and rule versions are never changed once recorded, and a rebuild restores them as
     * they were, so each is read once: judging a network then costs one query for which is active.
     */
    private RuleSet stored(int version) {
        RuleSet known = storedSets.get(version);
        if (known != null) {
            return known;
        }
        var sets = jdbc.query("""
                        SELECT based_on, rules, jurisdictions, signals, note, created_at, created_by
                        FROM read_model.detection_rule_set WHERE version = :version""",
                new MapSqlParameterSource("version", version),
                (row, n) -> new RuleSet(version, (Integer) row.getObject("based_on"),
                        read(row.getString("rules"), new TypeReference<TreeMap<String, Integer>>() {
                        }).entrySet().stream().map(e -> ruleVersion(e.getKey(), e.getValue())).toList(),
                        read(row.getString("jurisdictions"), new TypeReference<TreeMap<String, List<String>>>() {
                        }),
                        read(row.getString("signals"), new TypeReference<TreeMap<String, List<String>>>() {
                        }),
                        row.getString("note"), row.getTimestamp("created_at").toInstant(), row.getString("created_by"), false));
        if (sets.isEmpty()) {
            throw QueryRefused.notFound("rule-set", String.valueOf(version));
        }
        storedSets.put(version, sets.get(0));
        return sets.get(0);
    }

    private Optional<Integer> activeVersion() {
        return jdbc.queryForList("""
                SELECT version FROM read_model.detection_rule_set_activation ORDER BY activation DESC LIMIT 1""",
                new MapSqlParameterSource(), Integer.class).stream().findFirst();
    }

    private static Thresholds thresholds(String json) {
        return new Thresholds(read(json, new TypeReference<Map<String, BigDecimal>>() {
        }));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule catalogue column " + json, e);
        }
    }
}
