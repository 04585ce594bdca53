package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.governance.ActivateRuleSet;
import com.marketplaceledger.shared.governance.NewRuleVersion;
import com.marketplaceledger.shared.governance.ProposeRuleSet;
import com.marketplaceledger.shared.governance.ProposedRule;
import com.marketplaceledger.shared.governance.RuleSetActivated;
import com.marketplaceledger.shared.governance.RuleSetOrigin;
import com.marketplaceledger.shared.governance.RuleSetProposed;
import com.marketplaceledger.shared.governance.RuleSetVersion;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The register of rule sets, one rule per test. */
class RuleSetRegisterTest {

    private static final String SCALE = "CN-CRIMINAL-SCALE";
    private static final String REFUND = "CN-REFUND";
    private static final String KOSCOT = "US-KOSCOT";
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-06T02:00:00Z");
    private static final Map<String, Long> THIRTY = Map.of("minPeople", 30L, "minLevels", 3L);
    private static final Map<String, Long> TWENTY_FIVE = Map.of("minPeople", 25L, "minLevels", 3L);
    private static final Map<String, Long> ONE_CASE = Map.of("minCases", 1L);
    private static final Map<String, Long> TWO_CASES = Map.of("minCases", 2L);
    private static final Map<String, Long> ONE_PAYMENT = Map.of("minPayments", 1L);

    /** Rule set 1, as configuration makes it at the first start: every rule at version 1. */
    private static final RuleSetProposed FIRST = new RuleSetProposed(RuleSetVersion.of(1), null,
            Map.of(SCALE, 1, REFUND, 1, KOSCOT, 1),
            List.of(new NewRuleVersion(SCALE, 1, 1, THIRTY), new NewRuleVersion(REFUND, 1, 1, ONE_CASE),
                    new NewRuleVersion(KOSCOT, 1, 1, ONE_PAYMENT)),
            Map.of(), Map.of(), RuleSetOrigin.CONFIGURATION, null, "configuration", START);
    private static final RuleSetActivated FIRST_ACTIVE = new RuleSetActivated(RuleSetVersion.of(1), "configuration", START);
    /** Rule set 2, a regulator's: 25 people. */
    private static final RuleSetProposed LOWERED = new RuleSetProposed(RuleSetVersion.of(2), RuleSetVersion.of(1),
            Map.of(SCALE, 2, REFUND, 1, KOSCOT, 1), List.of(new NewRuleVersion(SCALE, 2, 1, TWENTY_FIVE)),
            Map.of(), Map.of("CN", List.of(KOSCOT)), RuleSetOrigin.REGULATOR, "25 people", "inspector.li", LATER);
    private static final RuleSetActivated LOWERED_ACTIVE = new RuleSetActivated(RuleSetVersion.of(2), "director.wang", LATER);

    private AggregateTestFixture<RuleSetRegister> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RuleSetRegister.class);
    }

    @Test
    void the_first_proposal_is_rule_set_1_with_version_1_of_every_rule() {
        fixture.givenNoPriorActivity()
                .when(configured(START, THIRTY, ONE_CASE, Map.of()))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(FIRST);
    }

    @Test
    void a_regulators_changed_rule_is_a_new_version_and_every_other_rule_keeps_the_bases() {
        fixture.given(FIRST, FIRST_ACTIVE)
                .when(new ProposeRuleSet(RuleSetVersion.of(1), Map.of(SCALE, ProposedRule.content(1, TWENTY_FIVE)), null,
                        Map.of("CN", List.of(KOSCOT)), RuleSetOrigin.REGULATOR, "25 people", "inspector.li", LATER))
                .expectResultMessagePayload(2)
                .expectEvents(LOWERED);
    }

    @Test
    void a_proposal_without_a_base_is_based_on_the_active_rule_set_and_keeps_its_mappings() {
        fixture.given(FIRST, FIRST_ACTIVE, LOWERED, LOWERED_ACTIVE)
                .when(new ProposeRuleSet(null, Map.of(REFUND, ProposedRule.content(1, TWO_CASES)), null, null,
                        RuleSetOrigin.REGULATOR, null, "inspector.li", LATER))
                .expectEvents(new RuleSetProposed(RuleSetVersion.of(3), RuleSetVersion.of(2),
                        Map.of(SCALE, 2, REFUND, 2, KOSCOT, 1), List.of(new NewRuleVersion(REFUND, 2, 1, TWO_CASES)),
                        Map.of(), Map.of("CN", List.of(KOSCOT)), RuleSetOrigin.REGULATOR, null, "inspector.li", LATER));
    }

    @Test
    void a_proposal_based_on_an_unknown_rule_set_is_refused() {
        fixture.given(FIRST)
                .when(new ProposeRuleSet(RuleSetVersion.of(7), Map.of(), null, null, RuleSetOrigin.REGULATOR, null,
                        "inspector.li", LATER))
                .expectException(QueryRefused.class)
                .expectExceptionMessage(allOf(containsString("unknown-rule-set"), containsString("id=7")))
                .expectNoEvents();
    }

    @Test
    void a_regulator_cannot_name_a_rule_the_base_does_not_have() {
        fixture.given(FIRST)
                .when(new ProposeRuleSet(RuleSetVersion.of(1), Map.of("XX-NEW", ProposedRule.content(1, ONE_CASE)), null,
                        null, RuleSetOrigin.REGULATOR, null, "inspector.li", LATER))
                .expectException(QueryRefused.class)
                .expectExceptionMessage(allOf(containsString("not-in-rule-set"), containsString("rule=XX-NEW")))
                .expectNoEvents();
    }

    @Test
    void a_rule_named_by_a_version_that_does_not_exist_is_refused() {
        fixture.given(FIRST)
                .when(new ProposeRuleSet(RuleSetVersion.of(1), Map.of(SCALE, ProposedRule.existing(4)), null, null,
                        RuleSetOrigin.REGULATOR, null, "inspector.li", LATER))
                .expectException(QueryRefused.class)
                .expectExceptionMessage(containsString("CN-CRIMINAL-SCALE v4"))
                .expectNoEvents();
    }

    @Test
    void a_mapping_that_names_a_rule_outside_the_set_is_refused() {
        fixture.given(FIRST)
                .when(new ProposeRuleSet(RuleSetVersion.of(1), Map.of(), null, Map.of("CN", List.of("US-NOWHERE")),
                        RuleSetOrigin.REGULATOR, null, "inspector.li", LATER))
                .expectException(QueryRefused.class)
                .expectExceptionMessage(allOf(containsString("mapped-rule-not-in-set"), containsString("rule=US-NOWHERE")))
                .expectNoEvents();
    }

    @Test
    void configuration_unchanged_since_its_last_proposal_proposes_nothing() {
        fixture.given(FIRST, FIRST_ACTIVE)
                .when(configured(LATER, THIRTY, ONE_CASE, Map.of()))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(null)
                .expectNoEvents();
    }

    @Test
    void configuration_unchanged_leaves_a_regulators_active_rule_set_in_force() {
        fixture.given(FIRST, FIRST_ACTIVE, LOWERED, LOWERED_ACTIVE)
                .when(configured(LATER, THIRTY, ONE_CASE, Map.of()))
                .expectResultMessagePayload(null)
                .expectNoEvents();
    }

    @Test
    void a_configuration_change_is_a_new_version_of_that_rule_only_beside_the_regulators_versions_and_signals() {
        fixture.given(FIRST, FIRST_ACTIVE, LOWERED, LOWERED_ACTIVE)
                .when(configured(LATER, THIRTY, TWO_CASES, Map.of()))
                .expectResultMessagePayload(3)
                .expectEvents(new RuleSetProposed(RuleSetVersion.of(3), RuleSetVersion.of(2),
                        Map.of(SCALE, 2, REFUND, 2, KOSCOT, 1), List.of(new NewRuleVersion(REFUND, 2, 1, TWO_CASES)),
                        Map.of(), Map.of("CN", List.of(KOSCOT)), RuleSetOrigin.CONFIGURATION, null, "configuration", LATER));
    }

    @Test
    void changed_configured_signals_make_a_new_rule_set_with_them() {
        fixture.given(FIRST, FIRST_ACTIVE)
                .when(configured(LATER, THIRTY, ONE_CASE, Map.of("CN", List.of(KOSCOT))))
                .expectResultMessagePayload(2)
                .expectEvents(new RuleSetProposed(RuleSetVersion.of(2), RuleSetVersion.of(1),
                        Map.of(SCALE, 1, REFUND, 1, KOSCOT, 1), List.of(), Map.of(), Map.of("CN", List.of(KOSCOT)),
                        RuleSetOrigin.CONFIGURATION, null, "configuration", LATER));
    }

    @Test
    void activating_a_proposed_rule_set_records_who_made_it_active_and_when() {
        fixture.given(FIRST, FIRST_ACTIVE, LOWERED)
                .when(new ActivateRuleSet(RuleSetVersion.of(2), "director.wang", LATER))
                .expectEvents(LOWERED_ACTIVE);
    }

    @Test
    void the_active_rule_set_can_be_activated_again() {
        fixture.given(FIRST, FIRST_ACTIVE)
                .when(new ActivateRuleSet(RuleSetVersion.of(1), "director.wang", LATER))
                .expectEvents(new RuleSetActivated(RuleSetVersion.of(1), "director.wang", LATER));
    }

    @Test
    void activating_an_unknown_rule_set_is_refused() {
        fixture.given(FIRST, FIRST_ACTIVE)
                .when(new ActivateRuleSet(RuleSetVersion.of(2), "director.wang", LATER))
                .expectException(QueryRefused.class)
                .expectExceptionMessage(allOf(containsString("unknown-rule-set"), containsString("id=2")))
                .expectNoEvents();
    }

    @Test
    void nothing_is_activated_before_any_rule_set_was_proposed() {
        fixture.givenNoPriorActivity()
                .when(new ActivateRuleSet(RuleSetVersion.of(1), "director.wang", LATER))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    /** What configuration proposes at a start: every rule, with these thresholds for the criminal scale and refunds. */
    private static ProposeRuleSet configured(Instant at, Map<String, Long> scale, Map<String, Long> refund,
                                             Map<String, List<String>> signals) {
        return new ProposeRuleSet(null, Map.of(SCALE, ProposedRule.content(1, scale), REFUND, ProposedRule.content(1, refund),
                KOSCOT, ProposedRule.content(1, ONE_PAYMENT)), Map.of(), signals, RuleSetOrigin.CONFIGURATION, null,
                "configuration", at);
    }
}
