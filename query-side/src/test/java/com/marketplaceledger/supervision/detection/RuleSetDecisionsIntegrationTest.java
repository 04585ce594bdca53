package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.operations.ReadModelRebuilds;
import com.marketplaceledger.query.support.QueryApi;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.access.LedgerRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule-set decisions are events: in the audit trail with who made them, sealed into the hash chain,
 * and the rule tables are a read model of them that a rebuild restores.
 */
class RuleSetDecisionsIntegrationTest extends QuerySideIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelRebuilds rebuilds;

    @Test
    void proposingAndActivatingARuleSetAreEventsInTheAuditTrailWithWhoDidItAndSealedInTheChain() {
        Instant before = Instant.now();
        QueryApi inspector = api().as(TestTokens.of("inspector.zhou", LedgerRole.REGULATOR));
        QueryApi director = api().as(TestTokens.of("director.sun", LedgerRole.REGULATOR));
        int original = activeRuleSet();

        var proposed = inspector.send("POST", "/detection/rule-sets",
                "{\"thresholds\":{\"CN-SERIOUS\":{\"minPeople\":100}},\"note\":\"test: on the record\","
                        + "\"signals\":{\"CN\":[\"US-RETAIL-SHARE\"]}}");
        assertThat(proposed.status()).as(proposed.raw().body()).isEqualTo(201);
        int version = proposed.body().path("version").asInt();
        try {
            var activated = director.post("/detection/rule-sets/" + version + "/activation");
            assertThat(activated.status()).as(activated.raw().body()).isEqualTo(200);

            JsonNode proposal = awaitRecorded("RuleSetProposed", before);
            assertThat(proposal.path("actor").asText()).isEqualTo("inspector.zhou");
            assertThat(proposal.path("actorRoles").asText()).isEqualTo("regulator");
            assertThat(proposal.path("merchantId").isNull()).isTrue();
            assertThat(proposal.path("stream").asText()).isEqualTo(StreamIds.detectionRuleSet());
            assertThat(proposal.path("payload").path("ruleSetVersion").asInt()).isEqualTo(version);
            assertThat(proposal.path("payload").path("by").asText()).isEqualTo("inspector.zhou");
            assertThat(proposal.path("payload").path("signals").path("CN").get(0).asText()).isEqualTo("US-RETAIL-SHARE");
            JsonNode made = proposal.path("payload").path("newRuleVersions").get(0);
            assertThat(made.path("ruleId").asText()).isEqualTo("CN-SERIOUS");
            assertThat(made.path("thresholds").path("minPeople").asLong()).isEqualTo(100);
            assertThat(made.path("version").asInt()).isEqualTo(proposed.body().path("rules").path("CN-SERIOUS").asInt());

            JsonNode activation = awaitRecorded("RuleSetActivated", before);
            assertThat(activation.path("actor").asText()).isEqualTo("director.sun");
            assertThat(activation.path("payload").path("ruleSetVersion").asInt()).isEqualTo(version);
            assertThat(activation.path("payload").path("by").asText()).isEqualTo("director.sun");

            for (JsonNode decision : List.of(proposal, activation)) {
                long position = decision.path("position").asLong();
                await(() -> decision.path("eventId").asText().equals(sealedEventAt(position)), "position " + position + " sealed");
                JsonNode verdict = api().ok("/integrity/verification?from=" + position + "&to=" + position);
                assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
            }
            JsonNode shown = api().ok("/detection/rule-sets/" + version);
            assertThat(shown.path("active").asBoolean()).isTrue();
            assertThat(shown.path("basedOn").asInt()).isEqualTo(original);
            assertThat(shown.path("signals").path("CN").get(0).asText()).isEqualTo("US-RETAIL-SHARE");
            assertThat(StreamSupport.stream(shown.path("jurisdictions").path("CN").spliterator(), false).map(JsonNode::asText))
                    .contains("CN-SERIOUS").doesNotContain("US-RETAIL-SHARE");
            assertThat(activated.body().path("rejudging").path("kind").asText()).isEqualTo("REJUDGE");
        } finally {
            assertThat(api().post("/detection/rule-sets/" + original + "/activation").status()).isEqualTo(200);
        }
    }

    @Test
    void aRefusedDecisionRecordsNothing() {
        long before = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, StreamIds.detectionRuleSet());

        var unknown = api().post("/detection/rule-sets/999999/activation");
        var ownRule = api().send("POST", "/detection/rule-sets", "{\"signals\":{\"CN\":[\"CN-SERIOUS\"]}}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("rule").asText()).isEqualTo("unknown-rule-set");
        assertThat(ownRule.status()).isEqualTo(400);
        assertThat(ownRule.body().path("detail").asText()).contains("already judges CN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, StreamIds.detectionRuleSet())).isEqualTo(before);
    }

    @Test
    void aRebuildOfTheRuleCatalogueRestoresEveryRuleSetVersionAndActivationFromTheEvents() throws InterruptedException {
        var proposed = api().send("POST", "/detection/rule-sets",
                "{\"thresholds\":{\"CN-REFUND\":{\"minCases\":3}},\"note\":\"test: rebuilt\"}");
        assertThat(proposed.status()).isEqualTo(201);
        JsonNode sets = api().ok("/detection/rule-sets");
        JsonNode rules = api().ok("/detection/rules");

        var admin = api().as(TestTokens.of("admin.chen", LedgerRole.ADMIN));
        assertThat(admin.post("/operations/read-models/" + RuleCatalogueProjection.NAME + "/rebuild").status()).isEqualTo(202);
        rebuilds.awaitRebuilt(RuleCatalogueProjection.NAME, Duration.ofSeconds(60));

        assertThat(api().ok("/detection/rule-sets")).isEqualTo(sets);
        assertThat(api().ok("/detection/rules")).isEqualTo(rules);
    }

    private int activeRuleSet() {
        return StreamSupport.stream(api().ok("/detection/rule-sets").spliterator(), false)
                .filter(s -> s.path("active").asBoolean()).findFirst().orElseThrow().path("version").asInt();
    }

    private String sealedEventAt(long position) {
        return jdbc.queryForList("SELECT event_identifier FROM axon.event_seal WHERE global_index = ?", String.class, position)
                .stream().findFirst().orElse(null);
    }

    /** The newest event of the type recorded since {@code since}, once the audit trail holds it. */
    private JsonNode awaitRecorded(String type, Instant since) {
        JsonNode[] found = new JsonNode[1];
        await(() -> {
            JsonNode page = api().ok("/audit-trail?time=recorded&size=500&from=" + since);
            List<JsonNode> items = StreamSupport.stream(page.path("items").spliterator(), false)
                    .filter(item -> item.path("type").asText().equals(type)).toList();
            found[0] = items.isEmpty() ? null : items.get(items.size() - 1);
            return found[0] != null;
        }, type + " in the audit trail");
        return found[0];
    }
}
