package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.governance.NewRuleVersion;
import com.marketplaceledger.shared.governance.RuleSetActivated;
import com.marketplaceledger.shared.governance.RuleSetOrigin;
import com.marketplaceledger.shared.governance.RuleSetProposed;
import com.marketplaceledger.shared.governance.RuleSetVersion;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule sets kept as rows before V13 are recorded as the events they would have been, with their
 * numbers, authors and times: read from the real legacy tables, recorded through the register's
 * commands into an event store of the test's own (the application's has its rule sets already).
 */
class LegacyRuleSetsIntegrationTest extends QuerySideIntegrationTest {

    private static final String SCALE = "CN-CRIMINAL-SCALE";
    private static final String REFUND = "CN-REFUND";
    private static final Instant T1 = Instant.parse("2025-11-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-11-02T00:00:00Z");
    private static final Instant T3 = Instant.parse("2025-11-03T00:00:00Z");
    private static final Instant T4 = Instant.parse("2025-11-04T00:00:00Z");
    private static final Instant T5 = Instant.parse("2025-11-05T00:00:00Z");

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    private EmbeddedEventStore events;
    private CommandGateway gateway;

    @BeforeEach
    void anEventStoreOfItsOwn() {
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        var bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<RuleSetRegister>builder().aggregateType(RuleSetRegister.class)
                .repository(EventSourcingRepository.builder(RuleSetRegister.class).eventStore(events).build())
                .build().subscribe(bus);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void emptyTheLegacyTables() {
        jdbc.getJdbcTemplate().execute("TRUNCATE read_model.legacy_detection_rule_set_activation, "
                + "read_model.legacy_detection_rule_set, read_model.legacy_detection_rule_version");
    }

    @Test
    void legacyRuleSetsAndActivationsAreRecordedInTheirOrderWithTheirNumbersAuthorsAndTimes() {
        version(SCALE, 1, "{\"minPeople\": 30, \"minLevels\": 3}", "configuration", T1);
        version(REFUND, 1, "{\"minCases\": 1}", "configuration", T1);
        version(SCALE, 2, "{\"minPeople\": 25, \"minLevels\": 3}", "regulator", T2);
        version(REFUND, 2, "{\"minCases\": 2}", "configuration", T3);
        // a regulator went back to 30 people: a version of its own, though version 1 holds the same
        version(SCALE, 3, "{\"minPeople\": 30, \"minLevels\": 3}", "regulator", T5);
        set(1, "{\"CN-CRIMINAL-SCALE\": 1, \"CN-REFUND\": 1}", "the configured catalogue", T1, "configuration");
        set(2, "{\"CN-CRIMINAL-SCALE\": 2, \"CN-REFUND\": 1}", "25 people", T2, "inspector.li");
        // before tokens: no author
        set(3, "{\"CN-CRIMINAL-SCALE\": 2, \"CN-REFUND\": 2}", "configuration changed [CN-REFUND]", T3, null);
        set(4, "{\"CN-CRIMINAL-SCALE\": 3, \"CN-REFUND\": 2}", "back to 30", T5, "inspector.li");
        activation(1, T1, "configuration");
        activation(3, T3, null);
        activation(2, T4, "director.wang");

        new LegacyRuleSets(jdbc, events).recordOnce(gateway::sendAndWait);

        assertThat(recorded()).containsExactly(
                new RuleSetProposed(RuleSetVersion.of(1), null, Map.of(SCALE, 1, REFUND, 1),
                        List.of(new NewRuleVersion(SCALE, 1, 1, Map.of("minPeople", 30L, "minLevels", 3L)),
                                new NewRuleVersion(REFUND, 1, 1, Map.of("minCases", 1L))),
                        Map.of(), Map.of(), RuleSetOrigin.CONFIGURATION, "the configured catalogue", "configuration", T1),
                new RuleSetActivated(RuleSetVersion.of(1), "configuration", T1),
                new RuleSetProposed(RuleSetVersion.of(2), RuleSetVersion.of(1), Map.of(SCALE, 2, REFUND, 1),
                        List.of(new NewRuleVersion(SCALE, 2, 1, Map.of("minPeople", 25L, "minLevels", 3L))),
                        Map.of(), Map.of(), RuleSetOrigin.REGULATOR, "25 people", "inspector.li", T2),
                new RuleSetProposed(RuleSetVersion.of(3), RuleSetVersion.of(1), Map.of(SCALE, 2, REFUND, 2),
                        List.of(new NewRuleVersion(REFUND, 2, 1, Map.of("minCases", 2L))),
                        Map.of(), Map.of(), RuleSetOrigin.CONFIGURATION, "configuration changed [CN-REFUND]", null, T3),
                new RuleSetActivated(RuleSetVersion.of(3), null, T3),
                new RuleSetActivated(RuleSetVersion.of(2), "director.wang", T4),
                new RuleSetProposed(RuleSetVersion.of(4), RuleSetVersion.of(2), Map.of(SCALE, 3, REFUND, 2),
                        List.of(new NewRuleVersion(SCALE, 3, 1, Map.of("minPeople", 30L, "minLevels", 3L))),
                        Map.of(), Map.of(), RuleSetOrigin.REGULATOR, "back to 30", "inspector.li", T5));

        new LegacyRuleSets(jdbc, events).recordOnce(gateway::sendAndWait);
        assertThat(recorded()).as("recorded once").hasSize(7);
    }

    @Test
    void legacyRowsTheEventsCannotReproduceAreRefusedRatherThanRenumbered() {
        version(SCALE, 1, "{\"minPeople\": 30, \"minLevels\": 3}", "configuration", T1);
        version(SCALE, 5, "{\"minPeople\": 25, \"minLevels\": 3}", "regulator", T2);
        set(1, "{\"CN-CRIMINAL-SCALE\": 1}", null, T1, "configuration");
        set(2, "{\"CN-CRIMINAL-SCALE\": 5}", null, T2, "inspector.li");
        activation(1, T1, "configuration");

        assertThatThrownBy(() -> new LegacyRuleSets(jdbc, events).recordOnce(gateway::sendAndWait))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("legacy rule set 2 {CN-CRIMINAL-SCALE=5} was recorded as rule set 2 {CN-CRIMINAL-SCALE=2}");
    }

    private List<Object> recorded() {
        return events.readEvents(StreamIds.detectionRuleSet()).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private void version(String ruleId, int version, String thresholds, String origin, Instant at) {
        jdbc.getJdbcTemplate().update("""
                INSERT INTO read_model.legacy_detection_rule_version (rule_id, version, logic_version, thresholds, origin, created_at)
                VALUES (?, ?, 1, ?::jsonb, ?, ?)""", ruleId, version, thresholds, origin, Timestamp.from(at));
    }

    private void set(int version, String rules, String note, Instant at, String by) {
        jdbc.getJdbcTemplate().update("""
                INSERT INTO read_model.legacy_detection_rule_set (version, rules, note, created_at, created_by)
                VALUES (?, ?::jsonb, ?, ?, ?)""", version, rules, note, Timestamp.from(at), by);
    }

    private void activation(int version, Instant at, String by) {
        jdbc.getJdbcTemplate().update("""
                INSERT INTO read_model.legacy_detection_rule_set_activation (version, activated_at, activated_by)
                VALUES (?, ?, ?)""", version, Timestamp.from(at), by);
    }
}
