package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.supervision.detection.rules.DetectionRule;
import com.marketplaceledger.supervision.detection.rules.RuleBook;
import com.marketplaceledger.supervision.detection.rules.Thresholds;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.LedgerJson;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The versioned rule catalogue. Every rule has numbered versions (its logic version and its
 * thresholds); a rule set names one version of every rule, and rule sets are numbered too. Rows
 * are only ever added: an alert names the rule version and rule set that raised it, and both stay
 * readable for ever.
 *
 * <p>At start-up the configured thresholds are compared with the last version configuration made
 * of each rule: a difference (or a new logic version) makes a new rule version and a new active
 * rule set. Versions a regulator made through the API stay in force until configuration changes.
 */
@Component
class RuleCatalogue {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();
    private static final String CONFIGURATION = "configuration";
    private static final String REGULATOR = "regulator";
    /** Rules read thresholds as longs. */
    private static final BigDecimal LARGEST_THRESHOLD = BigDecimal.valueOf(Long.MAX_VALUE);

    record RuleVersion(DetectionRule rule, int version, int logicVersion, Thresholds thresholds, String origin,
                       Instant createdAt) {

        String ruleId() {
            return rule.description().id();
        }
    }

    /** A rule set with each of its rules resolved to the version it names. */
    record RuleSet(int version, List<RuleVersion> rules, String note, Instant createdAt, String createdBy, boolean active) {
    }

    /** A rule set made active, when and by whom. */
    record Activation(Instant at, String by) {
    }

    private final JdbcTemplate jdbc;
    private final DetectionProperties properties;
    private final Clock clock;
    private final Map<Integer, RuleSet> storedSets = new ConcurrentHashMap<>();
    private final Map<String, DetectionRule> rules = RuleBook.rules().stream()
            .collect(Collectors.toMap(r -> r.description().id(), Function.identity(), (a, b) -> a, TreeMap::new));

    RuleCatalogue(JdbcTemplate jdbc, DetectionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public synchronized void applyConfiguration() {
        properties.thresholds().keySet().stream().filter(id -> !rules.containsKey(id)).findFirst().ifPresent(id -> {
            throw new IllegalStateException("ledger.detection.thresholds names no rule " + id + "; rules: " + rules.keySet());
        });
        var changed = new LinkedHashMap<String, Integer>();
        for (DetectionRule rule : rules.values()) {
            String id = rule.description().id();
            Thresholds configured = thresholds(rule, properties.thresholds().getOrDefault(id, Map.of()));
            var last = jdbc.query("""
                            SELECT version, logic_version, thresholds FROM read_model.detection_rule_version
                            WHERE rule_id = ? AND origin = ? ORDER BY version DESC LIMIT 1""",
                    (row, n) -> new Object[]{row.getInt(1), row.getInt(2), read(row.getString(3))}, id, CONFIGURATION);
            boolean same = !last.isEmpty() && (int) last.get(0)[1] == rule.description().logicVersion()
                    && sameThresholds((Thresholds) last.get(0)[2], configured);
            if (!same) {
                changed.put(id, addVersion(rule, configured, CONFIGURATION));
            }
        }
        Integer active = activeVersion();
        if (active == null || !changed.isEmpty()) {
            var ruleVersions = new TreeMap<String, Integer>();
            if (active != null) {
                ruleSet(active).rules().forEach(r -> ruleVersions.put(r.ruleId(), r.version()));
            }
            ruleVersions.putAll(changed);
            activate(addRuleSet(ruleVersions, active == null ? "the configured catalogue" : "configuration changed " + changed.keySet(),
                    CONFIGURATION), CONFIGURATION);
        }
    }

    /**
     * A new, inactive rule set: {@code basedOn}'s rules with the given thresholds changed. A rule
     * whose thresholds change gets a new version; the others keep theirs.
     */
    @Transactional
    public synchronized RuleSet propose(int basedOn, Map<String, Map<String, BigDecimal>> changes, String note, String by) {
        RuleSet base = ruleSet(basedOn);
        var ruleVersions = new TreeMap<String, Integer>();
        base.rules().forEach(r -> ruleVersions.put(r.ruleId(), r.version()));
        changes.forEach((id, values) -> {
            RuleVersion current = base.rules().stream().filter(r -> r.ruleId().equals(id)).findFirst()
                    .orElseThrow(() -> QueryRefused.badParameter("thresholds", "no-rule", Map.of("rule", id, "rules", rules.keySet())));
            var merged = new TreeMap<>(current.thresholds().values());
            if (values == null) {
                throw QueryRefused.badParameter("thresholds", "no-thresholds", Map.of("rule", id));
            }
            values.forEach((name, value) -> {
                if (!merged.containsKey(name)) {
                    throw QueryRefused.badParameter("thresholds", "no-threshold", Map.of("rule", id, "name", name,
                            "known", merged.keySet()));
                }
                // every threshold counts something whole: people, days, basis points, minor units
                if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                        || value.compareTo(LARGEST_THRESHOLD) > 0) {
                    throw QueryRefused.badParameter("thresholds", "threshold-range", Map.of("rule", id, "name", name,
                            "max", LARGEST_THRESHOLD));
                }
                merged.put(name, value);
            });
            Thresholds thresholds = new Thresholds(merged);
            if (!sameThresholds(thresholds, current.thresholds())) {
                ruleVersions.put(id, addVersion(current.rule(), thresholds, REGULATOR));
            }
        });
        return ruleSet(addRuleSet(ruleVersions, note, by));
    }

    @Transactional
    public synchronized RuleSet activate(int version, String by) {
        ruleSet(version);
        jdbc.update("INSERT INTO read_model.detection_rule_set_activation (version, activated_at, activated_by) VALUES (?, ?, ?)",
                version, Timestamp.from(clock.instant()), by);
        return ruleSet(version);
    }

    /** When the rule set was made active, and by whom, oldest first. */
    List<Activation> activations(int version) {
        return jdbc.query("SELECT activated_at, activated_by FROM read_model.detection_rule_set_activation"
                        + " WHERE version = ? ORDER BY activation",
                (row, n) -> new Activation(row.getTimestamp(1).toInstant(), row.getString(2)), version);
    }

    RuleSet active() {
        Integer version = activeVersion();
        if (version == null) {
            applyConfiguration();
            version = activeVersion();
        }
        return ruleSet(version);
    }

    RuleSet ruleSet(int version) {
        Integer active = activeVersion();
        RuleSet stored = stored(version);
        return new RuleSet(version, stored.rules(), stored.note(), stored.createdAt(), stored.createdBy(),
                active != null && active == version);
    }

    /**
     * Rule sets and rule versions are never changed once written, so each is read once: judging a
     * network then costs one query for which rule set is active.
     */
    private RuleSet stored(int version) {
        RuleSet known = storedSets.get(version);
        if (known != null) {
            return known;
        }
        var sets = jdbc.query("SELECT rules, note, created_at, created_by FROM read_model.detection_rule_set WHERE version = ?",
                (row, n) -> {
                    Map<String, Integer> named = readRuleVersions(row.getString(1));
                    List<RuleVersion> resolved = named.entrySet().stream()
                            .map(e -> ruleVersion(e.getKey(), e.getValue())).toList();
                    return new RuleSet(version, resolved, row.getString(2), row.getTimestamp(3).toInstant(), row.getString(4), false);
                }, version);
        if (sets.isEmpty()) {
            throw QueryRefused.notFound("rule-set", String.valueOf(version));
        }
        // one being written may still roll back: only committed rule sets are kept
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            storedSets.put(version, sets.get(0));
        }
        return sets.get(0);
    }

    List<RuleSet> ruleSets() {
        return jdbc.queryForList("SELECT version FROM read_model.detection_rule_set ORDER BY version", Integer.class)
                .stream().map(this::ruleSet).toList();
    }

    /** Every version of every rule, oldest first. */
    List<RuleVersion> ruleVersions() {
        return jdbc.query("SELECT rule_id, version FROM read_model.detection_rule_version ORDER BY rule_id, version",
                (row, n) -> ruleVersion(row.getString(1), row.getInt(2)));
    }

    RuleVersion ruleVersion(String ruleId, int version) {
        DetectionRule rule = rules.get(ruleId);
        var found = jdbc.query("""
                        SELECT logic_version, thresholds, origin, created_at FROM read_model.detection_rule_version
                        WHERE rule_id = ? AND version = ?""",
                (row, n) -> new RuleVersion(rule, version, row.getInt(1), read(row.getString(2)), row.getString(3),
                        row.getTimestamp(4).toInstant()), ruleId, version);
        if (rule == null || found.isEmpty()) {
            throw QueryRefused.notFound("rule-version", ruleId + " v" + version);
        }
        return found.get(0);
    }

    private Integer activeVersion() {
        var versions = jdbc.queryForList(
                "SELECT version FROM read_model.detection_rule_set_activation ORDER BY activation DESC LIMIT 1", Integer.class);
        return versions.isEmpty() ? null : versions.get(0);
    }

    private int addVersion(DetectionRule rule, Thresholds thresholds, String origin) {
        String id = rule.description().id();
        Integer last = jdbc.queryForObject("SELECT max(version) FROM read_model.detection_rule_version WHERE rule_id = ?",
                Integer.class, id);
        int version = last == null ? 1 : last + 1;
        jdbc.update("""
                        INSERT INTO read_model.detection_rule_version (rule_id, version, logic_version, thresholds, origin, created_at)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?)""",
                id, version, rule.description().logicVersion(), write(thresholds.values()), origin,
                Timestamp.from(clock.instant()));
        return version;
    }

    private int addRuleSet(Map<String, Integer> ruleVersions, String note, String by) {
        Integer last = jdbc.queryForObject("SELECT max(version) FROM read_model.detection_rule_set", Integer.class);
        int version = last == null ? 1 : last + 1;
        jdbc.update("INSERT INTO read_model.detection_rule_set (version, rules, note, created_at, created_by) VALUES (?, ?::jsonb, ?, ?, ?)",
                version, write(ruleVersions), note, Timestamp.from(clock.instant()), by);
        return version;
    }

    private static Thresholds thresholds(DetectionRule rule, Map<String, BigDecimal> overrides) {
        var values = new TreeMap<>(rule.description().thresholds());
        overrides.forEach((name, value) -> {
            if (!values.containsKey(name)) {
                throw new IllegalStateException("ledger.detection.thresholds." + rule.description().id() + " has no "
                        + name + "; it has " + values.keySet());
            }
            values.put(name, value);
        });
        return new Thresholds(values);
    }

    private static boolean sameThresholds(Thresholds a, Thresholds b) {
        return a.values().keySet().equals(b.values().keySet()) && a.values().entrySet().stream()
                .allMatch(e -> e.getValue().compareTo(b.values().get(e.getKey())) == 0);
    }

    private static Thresholds read(String json) {
        try {
            return new Thresholds(JSON.readValue(json, new TypeReference<Map<String, BigDecimal>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable thresholds " + json, e);
        }
    }

    private static Map<String, Integer> readRuleVersions(String json) {
        try {
            return new TreeMap<>(JSON.readValue(json, new TypeReference<Map<String, Integer>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule set " + json, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof Map<?, ?> map ? new TreeMap<>(map) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
