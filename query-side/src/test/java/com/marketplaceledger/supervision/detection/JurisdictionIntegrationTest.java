package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network is judged by the law of its merchant's jurisdiction; another jurisdiction's rules a
 * regulator adds as signals are shown beside the findings and raise no alert.
 */
class JurisdictionIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant JAN = Instant.parse("2026-01-05T08:00:00Z");

    @Test
    void aUsMerchantIsJudgedByFtcPracticeAloneAndAChineseMerchantByChineseLawAlone() {
        var history = newHistory();
        // the same structure twice: every recruit pays a joining fee and earns its sponsor a bonus, 32 people in 3 levels
        var us = feesAndBonuses(new NetworkBuilder(history, "M-juris-us", "LIC-US", "US", JAN));
        feesAndBonuses(new NetworkBuilder(history, "M-juris-cn", "LIC-CN", "CN", JAN)).await();
        us.await();
        awaitDetectionSettled();

        JsonNode usJudged = api().ok("/merchants/M-juris-us/risk");
        assertThat(usJudged.path("judgedUnder").asText()).isEqualTo("US");
        assertThat(usJudged.path("jurisdictionDefaulted").asBoolean()).isFalse();
        assertThat(ruleIds(usJudged.path("findings"))).contains("US-KOSCOT").allMatch(rule -> rule.startsWith("US-"));
        assertThat(alertRules("M-juris-us")).isNotEmpty().allMatch(rule -> rule.startsWith("US-"));

        JsonNode cn = api().ok("/merchants/M-juris-cn/risk");
        assertThat(cn.path("judgedUnder").asText()).isEqualTo("CN");
        assertThat(ruleIds(cn.path("findings"))).contains("CN-ENTRY-FEE", "CN-HEADCOUNT-PAY", "CN-CRIMINAL-SCALE").allMatch(rule -> rule.startsWith("CN-"));
        assertThat(alertRules("M-juris-cn")).isNotEmpty().allMatch(rule -> rule.startsWith("CN-"));
        assertThat(cn.path("signalFindings").size()).as("no signals unless a regulator adds them").isZero();
    }

    @Test
    void aMerchantOfAJurisdictionWithoutRulesIsJudgedUnderTheDefaultAndTheAnswerSaysSo() {
        var history = newHistory();
        new NetworkBuilder(history, "M-juris-de", "LIC-DE", "DE", JAN).rootWithRecruits(5, JAN).await();

        JsonNode de = api().ok("/merchants/M-juris-de/risk");
        assertThat(de.path("judgedUnder").asText()).isEqualTo("CN");
        assertThat(de.path("jurisdictionDefaulted").asBoolean()).isTrue();
        assertThat(ruleIds(de.path("findings"))).contains("CN-ENTRY-FEE");
    }

    @Test
    void anotherJurisdictionsRuleAddedAsASignalIsShownBesideTheFindingsAndRaisesNoAlert() {
        int original = activeRuleSet();
        var proposed = api().send("POST", "/detection/rule-sets",
                "{\"note\":\"test: FTC practice shown to Chinese regulators\",\"signals\":{\"CN\":[\"US-KOSCOT\"]}}");
        assertThat(proposed.status()).as(proposed.raw().body()).isEqualTo(201);
        int version = proposed.body().path("version").asInt();
        assertThat(api().post("/detection/rule-sets/" + version + "/activation").status()).isEqualTo(200);
        try {
            var history = newHistory();
            feesAndBonuses(new NetworkBuilder(history, "M-juris-signal", "LIC-SIG", "CN", JAN)).await();
            awaitDetectionSettled();

            JsonNode evaluation = api().ok("/merchants/M-juris-signal/risk");
            assertThat(evaluation.path("ruleSetVersion").asInt()).isEqualTo(version);
            assertThat(ruleIds(evaluation.path("signalFindings"))).containsExactly("US-KOSCOT");
            assertThat(StreamSupport.stream(evaluation.path("signalFindings").spliterator(), false)
                    .map(f -> f.path("raised").asBoolean())).containsOnly(false);
            assertThat(ruleIds(evaluation.path("findings"))).contains("CN-ENTRY-FEE").doesNotContain("US-KOSCOT");
            assertThat(alertRules("M-juris-signal")).contains("CN-ENTRY-FEE").doesNotContain("US-KOSCOT");
        } finally {
            assertThat(api().post("/detection/rule-sets/" + original + "/activation").status()).isEqualTo(200);
        }
    }

    private static NetworkBuilder feesAndBonuses(NetworkBuilder network) {
        network.rootWithRecruits(30, JAN);
        for (int i = 2; i <= 31; i++) {
            network.recruitmentBonus("D-1", "D-" + i, 5_000, JAN.plusSeconds(3600L * i));
        }
        return network;
    }

    private int activeRuleSet() {
        return StreamSupport.stream(api().ok("/detection/rule-sets").spliterator(), false)
                .filter(s -> s.path("active").asBoolean()).findFirst().orElseThrow().path("version").asInt();
    }

    private Set<String> alertRules(String merchant) {
        return StreamSupport.stream(api().ok("/alerts?size=500&merchantId=" + merchant).path("items").spliterator(), false)
                .map(a -> a.path("ruleId").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ruleIds(JsonNode findings) {
        return StreamSupport.stream(findings.spliterator(), false).map(f -> f.path("ruleId").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
