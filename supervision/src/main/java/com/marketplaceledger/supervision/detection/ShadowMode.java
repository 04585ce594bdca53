package com.marketplaceledger.supervision.detection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The candidate rule set judged beside the active one, without raising alerts (none by default).
 * Kept in the database, so every instance runs the same one and a restart keeps it.
 */
@Component
class ShadowMode {

    private final JdbcTemplate jdbc;

    ShadowMode(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Integer ruleSetVersion() {
        List<Integer> versions = jdbc.query("SELECT rule_set_version FROM read_model.detection_shadow",
                (row, n) -> (Integer) row.getObject(1));
        return versions.isEmpty() ? null : versions.get(0);
    }

    void run(Integer version) {
        jdbc.update("""
                INSERT INTO read_model.detection_shadow (singleton, rule_set_version) VALUES (TRUE, ?)
                ON CONFLICT (singleton) DO UPDATE SET rule_set_version = excluded.rule_set_version""", version);
    }
}
