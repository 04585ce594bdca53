package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.shared.access.LedgerRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant JAN = Instant.parse("2026-01-05T08:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void criminalScaleFiresAtExactlyThirtyPeopleInThreeLevelsAndNotAtTwentyNineOrTwoLevels() {
        var history = newHistory();
        // the merchant, a root and 28 recruits under it: 30 people in 3 levels
        var thirty = new NetworkBuilder(history, "M-scale-30", JAN).rootWithRecruits(28, JAN);
        var twentyNine = new NetworkBuilder(history, "M-scale-29", JAN).rootWithRecruits(27, JAN);
        var twoLevels = new NetworkBuilder(history, "M-scale-2lv", JAN);
        for (int i = 1; i <= 40; i++) {
            twoLevels.enrol("D-" + i, null, JAN.plusSeconds(i));
        }
        twoLevels.await();
        thirty.await();
        twentyNine.await();

        JsonNode fired = finding(api().ok("/merchants/M-scale-30/risk"), "CN-CRIMINAL-SCALE");
        assertThat(fired).isNotNull();
        assertThat(measurement(fired, "people").path("value").asLong()).isEqualTo(30);
        assertThat(measurement(fired, "people").path("threshold").asLong()).isEqualTo(30);
        assertThat(measurement(fired, "levels").path("value").asLong()).isEqualTo(3);
        assertThat(finding(api().ok("/merchants/M-scale-29/risk"), "CN-CRIMINAL-SCALE")).isNull();
        assertThat(finding(api().ok("/merchants/M-scale-2lv/risk"), "CN-CRIMINAL-SCALE")).isNull();
        assertThat(finding(api().ok("/merchants/M-scale-2lv/risk"), "CN-ENTRY-FEE")).as("entry fees still").isNotNull();

        awaitJudged("M-scale-30", "M-scale-29", "M-scale-2lv");
        assertThat(alertRules("M-scale-30")).contains("CN-CRIMINAL-SCALE", "CN-ENTRY-FEE");
        assertThat(alertRules("M-scale-29")).doesNotContain("CN-CRIMINAL-SCALE").contains("CN-ENTRY-FEE");
        assertThat(alertRules("M-scale-2lv")).doesNotContain("CN-CRIMINAL-SCALE");
    }

    @Test
    void anAlertShowsItsRuleVersionValuesThresholdsReasonAndEvidenceThatResolvesInTheAuditTrail() {
        var history = newHistory();
        new NetworkBuilder(history, "M-evidence", JAN).rootWithRecruits(30, JAN).await();
        awaitJudged("M-evidence");

        JsonNode alert = alerts("M-evidence").stream()
                .filter(a -> a.path("ruleId").asText().equals("CN-CRIMINAL-SCALE")).findFirst().orElseThrow();
        JsonNode detail = api().ok("/alerts/" + alert.path("alertId").asText());

        assertThat(detail.path("alert").path("ruleVersion").asInt()).isPositive();
        assertThat(detail.path("alert").path("ruleSetVersion").asInt()).isPositive();
        assertThat(detail.path("alert").path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(detail.path("alert").path("reason").asText()).contains("32 people").contains("3 levels");
        JsonNode people = StreamSupport.stream(detail.path("alert").path("measurements").spliterator(), false)
                .filter(m -> m.path("name").asText().equals("people")).findFirst().orElseThrow();
        assertThat(people.path("value").asLong()).isEqualTo(32);
        assertThat(people.path("comparison").asText()).isEqualTo(">=");
        assertThat(people.path("threshold").asLong()).isEqualTo(30);
        assertThat(detail.path("alert").path("evidenceTotal").asLong()).isGreaterThanOrEqualTo(31);
        assertThat(detail.path("evidence")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("position").isIntegralNumber()).as("resolved in the audit trail: %s", e).isTrue();
            JsonNode event = api().ok(e.path("auditTrail").asText());
            assertThat(event.path("eventId").asText()).isEqualTo(e.path("eventId").asText());
            assertThat(event.path("merchantId").asText()).isEqualTo("M-evidence");
        });
        // the alert is an event of the audit trail itself
        JsonNode raised = api().ok("/audit-trail/events/" + alert.path("eventId").asText());
        assertThat(raised.path("type").asText()).isEqualTo("AlertRaised");
    }

    @Test
    void aPayCapFindingShowsTheWorstEarnersFirstCommissionsInTimeOrderAndCountsEveryOne() {
        var history = newHistory();
        var network = new NetworkBuilder(history, "M-paycap", JAN).enrol("D-1", null, JAN).enrol("D-2", "D-1", JAN);
        // D-1 recruits 25 and is paid for each, the later recruits' bonuses recorded first; D-2 recruits one
        var bonuses = new TreeMap<Instant, Long>();
        for (int n = 25; n >= 1; n--) {
            Instant at = JAN.plusSeconds(3600L * n);
            network.enrol("R-" + n, "D-1", at);
            bonuses.put(at, network.recruitmentBonus("D-1", "R-" + n, 10_000, at));
        }
        network.enrol("R-26", "D-2", JAN.plusSeconds(60));
        long smaller = network.recruitmentBonus("D-2", "R-26", 5_000, JAN.plusSeconds(60));
        network.await();

        JsonNode finding = finding(api().ok("/merchants/M-paycap/risk"), "CN-DIRECT-SELLING-CAP");

        assertThat(finding).isNotNull();
        List<String> expected = new ArrayList<>(bonuses.values().stream().limit(20).map(this::eventIdAt).toList());
        expected.add(eventIdAt(smaller));
        assertThat(finding.path("evidenceEventIds")).extracting(JsonNode::asText)
                .as("the most paid earner's first 20 commissions by time, then the other's").containsExactlyElementsOf(expected);
        assertThat(finding.path("evidenceTotal").asLong()).isEqualTo(26);
    }

    @Test
    void enrolmentsAtTheSameInstantAreShownInEventIdOrderSoEveryJudgementShowsTheSameEvidence() {
        var history = newHistory();
        var network = new NetworkBuilder(history, "M-ties", JAN).enrol("D-1", null, JAN);
        String root = eventIdAt(network.lastPosition());
        var recruits = new TreeMap<String, String>();
        for (int n = 2; n <= 30; n++) {
            network.enrol("D-" + n, "D-1", JAN.plusSeconds(3600));
            recruits.put("D-" + n, eventIdAt(network.lastPosition()));
        }
        network.await();

        JsonNode finding = finding(api().ok("/merchants/M-ties/risk"), "CN-CRIMINAL-SCALE");

        // the deepest line first (the first of the deepest by id, and its sponsor), then level by level
        String deepest = recruits.remove(recruits.firstKey());
        List<String> expected = new ArrayList<>(List.of(root, deepest));
        expected.addAll(new TreeSet<>(recruits.values()));
        assertThat(finding.path("evidenceEventIds")).extracting(JsonNode::asText).containsExactlyElementsOf(expected);
    }

    @Test
    void evaluatingAsOfAPastDateReproducesTheAlertsRaisedLiveAtThatDate() {
        var history = newHistory();
        var network = new NetworkBuilder(history, "M-asof", JAN).rootWithRecruits(10, JAN);
        network.await();
        awaitJudged("M-asof");
        Set<String> raisedInJanuary = alertIds("M-asof");
        assertThat(raisedInJanuary).isNotEmpty();

        Instant feb = Instant.parse("2026-02-10T08:00:00Z");
        for (int i = 0; i < 25; i++) {
            network.enrol("F-" + i, "D-2", feb.plusSeconds(60L * i));
        }
        network.await();
        awaitJudged("M-asof");
        Set<String> raisedByMarch = alertIds("M-asof");
        assertThat(raisedByMarch).hasSizeGreaterThan(raisedInJanuary.size());

        assertThat(findingIds(api().ok("/merchants/M-asof/risk?asOf=2026-01-31"))).isEqualTo(raisedInJanuary);
        assertThat(findingIds(api().ok("/merchants/M-asof/risk?asOf=2026-03-01"))).isEqualTo(raisedByMarch);
        assertThat(findingIds(api().ok("/merchants/M-asof/risk"))).isEqualTo(raisedByMarch);
    }

    @Test
    void aRuleSetNamesWhoProposedItAndEachActivationWhoMadeIt() {
        int active = activeRuleSet();
        var inspector = api().as(TestTokens.of("inspector.li", LedgerRole.REGULATOR));
        var director = api().as(TestTokens.of("director.wang", LedgerRole.REGULATOR));

        var proposed = inspector.send("POST", "/detection/rule-sets",
                "{\"thresholds\":{\"CN-REFUND\":{\"minCases\":2}},\"note\":\"test: who proposed\"}");
        assertThat(director.post("/detection/rule-sets/" + active + "/activation").status()).isEqualTo(200);

        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body().path("createdBy").asText()).isEqualTo("inspector.li");
        assertThat(proposed.body().path("activations").isEmpty()).isTrue();
        JsonNode reactivated = api().ok("/detection/rule-sets/" + active);
        JsonNode last = reactivated.path("activations").get(reactivated.path("activations").size() - 1);
        assertThat(last.path("by").asText()).isEqualTo("director.wang");
        assertThat(api().ok("/detection/rule-sets/1").path("createdBy").asText()).isEqualTo("configuration");
    }

    @Test
    void aChangedThresholdIsANewRuleVersionAndAlertsAlreadyRaisedKeepTheirs() {
        var history = newHistory();
        new NetworkBuilder(history, "M-versions", JAN).rootWithRecruits(30, JAN).await();
        awaitJudged("M-versions");
        JsonNode before = alerts("M-versions").stream()
                .filter(a -> a.path("ruleId").asText().equals("CN-CRIMINAL-SCALE")).findFirst().orElseThrow();
        int original = activeRuleSet();
        int oldVersion = before.path("ruleVersion").asInt();

        var proposed = api().send("POST", "/detection/rule-sets",
                "{\"thresholds\":{\"CN-CRIMINAL-SCALE\":{\"minPeople\":25}},\"note\":\"test: 25 people\"}");
        assertThat(proposed.status()).isEqualTo(201);
        int candidate = proposed.body().path("version").asInt();
        int newVersion = proposed.body().path("rules").path("CN-CRIMINAL-SCALE").asInt();
        assertThat(newVersion).isGreaterThan(oldVersion);
        assertThat(proposed.body().path("rules").path("CN-ENTRY-FEE").asInt())
                .isEqualTo(api().ok("/detection/rule-sets/" + original).path("rules").path("CN-ENTRY-FEE").asInt());
        assertThat(proposed.body().path("active").asBoolean()).isFalse();
        try {
            assertThat(api().post("/detection/rule-sets/" + candidate + "/activation").status()).isEqualTo(200);
            awaitAlert("M-versions", "CN-CRIMINAL-SCALE", newVersion);

            var versions = alerts("M-versions").stream().filter(a -> a.path("ruleId").asText().equals("CN-CRIMINAL-SCALE"))
                    .map(a -> a.path("ruleVersion").asInt()).collect(Collectors.toSet());
            assertThat(versions).containsExactlyInAnyOrder(oldVersion, newVersion);
            assertThat(api().ok("/alerts/" + before.path("alertId").asText()).path("alert").path("ruleVersion").asInt())
                    .isEqualTo(oldVersion);
            JsonNode rule = StreamSupport.stream(api().ok("/detection/rules").spliterator(), false)
                    .filter(r -> r.path("ruleId").asText().equals("CN-CRIMINAL-SCALE")).findFirst().orElseThrow();
            assertThat(rule.path("versions").findValuesAsText("version")).contains(String.valueOf(oldVersion), String.valueOf(newVersion));
        } finally {
            assertThat(api().post("/detection/rule-sets/" + original + "/activation").status()).isEqualTo(200);
        }
    }

    @Test
    void aCandidateRuleSetInShadowModeFindsWithoutRaisingAlerts() {
        var history = newHistory();
        // 23 people in 3 levels: below the active 30, above the candidate's 20
        new NetworkBuilder(history, "M-shadow", JAN).rootWithRecruits(21, JAN).await();
        awaitJudged("M-shadow");
        var proposed = api().send("POST", "/detection/rule-sets",
                "{\"thresholds\":{\"CN-CRIMINAL-SCALE\":{\"minPeople\":20}},\"note\":\"candidate: 20 people\"}");
        int candidate = proposed.body().path("version").asInt();
        try {
            assertThat(api().send("PUT", "/detection/shadow", "{\"ruleSetVersion\":" + candidate + "}").status()).isEqualTo(200);
            JsonNode found = awaitShadowFinding("M-shadow", "CN-CRIMINAL-SCALE");
            assertThat(found.path("alsoRaisedByActive").asBoolean()).isFalse();
            awaitJudged("M-shadow");
            assertThat(alertRules("M-shadow")).doesNotContain("CN-CRIMINAL-SCALE");
        } finally {
            api().send("DELETE", "/detection/shadow", null);
        }
    }

    @Test
    void aBacktestReportsTheDayEachAlertWouldFirstHaveBeenRaised() {
        var history = newHistory();
        var network = new NetworkBuilder(history, "M-backtest", JAN).rootWithRecruits(20, JAN);
        Instant third = Instant.parse("2026-01-20T08:00:00Z");
        for (int i = 0; i < 10; i++) {
            network.enrol("L-" + i, "D-2", third.plusSeconds(i));
        }
        network.await();

        var started = api().send("POST", "/detection/backtests", "{\"merchantId\":\"M-backtest\"}");
        assertThat(started.status()).isEqualTo(202);
        JsonNode result = awaitJobResult(started.raw().headers().firstValue("Location").orElseThrow());

        JsonNode scale = StreamSupport.stream(result.path("alerts").spliterator(), false)
                .filter(a -> a.path("ruleId").asText().equals("CN-CRIMINAL-SCALE")).findFirst().orElseThrow();
        assertThat(scale.path("firstRaisableOn").asText()).isEqualTo("2026-01-20");
        JsonNode fee = StreamSupport.stream(result.path("alerts").spliterator(), false)
                .filter(a -> a.path("ruleId").asText().equals("CN-ENTRY-FEE")).findFirst().orElseThrow();
        assertThat(fee.path("firstRaisableOn").asText()).isEqualTo("2026-01-05");
    }

    @Test
    void judgingANetworkAgainRaisesNoDuplicateAlert() {
        var history = newHistory();
        new NetworkBuilder(history, "M-again", JAN).rootWithRecruits(30, JAN).await();
        awaitJudged("M-again");
        List<String> first = new ArrayList<>(alertIds("M-again"));

        jdbc.update("INSERT INTO read_model.detection_pending (merchant_id, position) VALUES ('M-again', 0) "
                + "ON CONFLICT (merchant_id) DO UPDATE SET position = 0");
        awaitJudged("M-again");

        assertThat(alerts("M-again")).hasSize(first.size());
        Integer events = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier LIKE 'alert/M-again/%'",
                Integer.class);
        assertThat(events).isEqualTo(first.size());
    }

    @Test
    void caseWorkMovesAnAlertFromOpenToInCaseToClosed() {
        var history = newHistory();
        new NetworkBuilder(history, "M-worked", JAN).rootWithRecruits(5, JAN).await();
        awaitJudged("M-worked");
        String alertId = alerts("M-worked").get(0).path("alertId").asText();
        assertThat(api().ok("/alerts/" + alertId).path("alert").path("status").asText()).isEqualTo("OPEN");

        var opened = api().send("POST", "/cases", "{\"merchantId\":\"M-worked\",\"alertIds\":[\"" + alertId
                + "\"],\"by\":\"inspector-li\",\"summary\":\"entry fees\"}");
        assertThat(opened.status()).isEqualTo(201);
        String caseId = opened.body().path("caseId").asText();
        newHistory().awaitHead();
        JsonNode inCase = api().ok("/alerts/" + alertId).path("alert");
        assertThat(inCase.path("status").asText()).isEqualTo("IN_CASE");
        assertThat(inCase.path("caseId").asText()).isEqualTo(caseId);

        api().send("POST", "/cases/" + caseId + "/closure",
                "{\"by\":\"inspector-li\",\"finding\":\"WARNING_ISSUED\",\"summary\":\"warned\"}");
        newHistory().awaitHead();
        assertThat(api().ok("/alerts?status=CLOSED&merchantId=M-worked").path("items").findValuesAsText("alertId"))
                .containsExactly(alertId);
        assertThat(api().ok("/merchants/M-worked/audit-trail?entityType=alert&entityId=" + alertId).path("items")
                .findValuesAsText("type")).containsExactly("AlertRaised", "CaseOpened");
        assertThat(api().ok("/merchants/M-worked/audit-trail?entityType=case&entityId=" + caseId).path("items")
                .findValuesAsText("type")).containsExactly("CaseOpened", "CaseClosed");
    }

    @Test
    void anOrganiserPenalisedBeforeWhoRecruitsFifteenPeopleInThreeLevelsAgainIsARepeatOffender() {
        var history = newHistory();
        new NetworkBuilder(history, "M-penalised", "LIC-REPEAT-1", JAN).rootWithRecruits(30, JAN).await();
        awaitJudged("M-penalised");
        String alertId = alerts("M-penalised").get(0).path("alertId").asText();
        String caseId = api().send("POST", "/cases", "{\"merchantId\":\"M-penalised\",\"alertIds\":[\"" + alertId
                + "\"],\"by\":\"inspector-li\",\"summary\":\"pyramid\"}").body().path("caseId").asText();
        assertThat(api().send("POST", "/cases/" + caseId + "/closure",
                "{\"by\":\"inspector-li\",\"finding\":\"PENALISED\",\"summary\":\"fined\"}").status()).isEqualTo(200);
        newHistory().awaitHead();

        // the same licence, a new merchant id, recruiting again from the day of the penalty (a day in Shanghai)
        var shanghai = java.time.ZoneId.of("Asia/Shanghai");
        Instant today = java.time.LocalDate.now(shanghai).atStartOfDay(shanghai).toInstant();
        var again = new NetworkBuilder(newHistory(), "M-again-under-new-name", "LIC-REPEAT-1", today);
        again.rootWithRecruits(12, today).await();
        awaitJudged("M-again-under-new-name");
        assertThat(alertRules("M-again-under-new-name")).doesNotContain("CN-REPEAT");

        again.enrol("D-99", "D-2", today).await();
        awaitJudged("M-again-under-new-name");
        JsonNode repeat = alerts("M-again-under-new-name").stream()
                .filter(a -> a.path("ruleId").asText().equals("CN-REPEAT")).findFirst().orElseThrow();
        JsonNode detail = api().ok("/alerts/" + repeat.path("alertId").asText());
        assertThat(detail.path("alert").path("measurements").toString()).contains("\"value\":15");
        assertThat(detail.path("evidence").get(0).path("type").asText()).isEqualTo("CaseClosed");
    }

    @Test
    void badFiltersAndUnknownAlertsAreProblems() {
        var bad = api().get("/alerts?severity=SEVERE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().path("field").asText()).isEqualTo("severity");
        assertThat(api().get("/alerts/A-000000000000000000000000").status()).isEqualTo(404);
        var unknownThreshold = api().send("POST", "/detection/rule-sets",
                "{\"thresholds\":{\"CN-CRIMINAL-SCALE\":{\"minHeads\":25}}}");
        assertThat(unknownThreshold.status()).isEqualTo(400);
        assertThat(unknownThreshold.body().path("detail").asText()).contains("minHeads");
        var fractional = api().send("POST", "/detection/rule-sets",
                "{\"thresholds\":{\"CN-CRIMINAL-SCALE\":{\"minPeople\":29.5}}}");
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.body().path("detail").asText()).contains("whole number");
        var noThresholds = api().send("POST", "/detection/rule-sets", "{\"thresholds\":{\"CN-TEAM-PAY\":null}}");
        assertThat(noThresholds.status()).isEqualTo(400);
        assertThat(noThresholds.body().path("field").asText()).isEqualTo("thresholds");
        var huge = api().send("POST", "/detection/rule-sets", "{\"thresholds\":{\"CN-TEAM-PAY\":{\"minPayments\":1e400}}}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().path("detail").asText()).contains("whole number from 0 to");
        var backwards = api().send("POST", "/detection/backtests", "{\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("field").asText()).isEqualTo("to");
        assertThat(api().get("/detection/rule-sets/99999").status()).isEqualTo(404);
        assertThat(api().get("/merchants/M-nobody/risk").status()).isEqualTo(404);
    }

    // --- helpers ---------------------------------------------------------------------------

    private String eventIdAt(long position) {
        return jdbc.queryForObject("SELECT event_identifier FROM axon.domain_event_entry WHERE global_index = ?",
                String.class, position);
    }

    private int activeRuleSet() {
        return StreamSupport.stream(api().ok("/detection/rule-sets").spliterator(), false)
                .filter(s -> s.path("active").asBoolean()).findFirst().orElseThrow().path("version").asInt();
    }

    /** Until the continuous evaluation has judged the networks' newest events. */
    private void awaitJudged(String... merchants) {
        await(() -> {
            for (String merchant : merchants) {
                Integer pending = jdbc.queryForObject("SELECT count(*) FROM read_model.detection_pending WHERE merchant_id = ?",
                        Integer.class, merchant);
                if (pending > 0) {
                    return false;
                }
            }
            newHistory().awaitHead();
            return true;
        }, "networks judged: " + String.join(", ", merchants));
    }

    /** The result of the job at {@code location}, once it has succeeded. */
    private JsonNode awaitJobResult(String location) {
        await(() -> !api().ok(location).path("state").asText().equals("RUNNING"), "job " + location + " finished");
        JsonNode job = api().ok(location);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job.path("result");
    }

    private void awaitAlert(String merchant, String rule, int version) {
        await(() -> alerts(merchant).stream().anyMatch(a -> a.path("ruleId").asText().equals(rule)
                && a.path("ruleVersion").asInt() == version), rule + " v" + version + " raised on " + merchant);
    }

    private JsonNode awaitShadowFinding(String merchant, String rule) {
        JsonNode[] found = new JsonNode[1];
        await(() -> {
            for (JsonNode f : api().ok("/detection/shadow").path("findings")) {
                if (f.path("merchantId").asText().equals(merchant) && f.path("ruleId").asText().equals(rule)) {
                    found[0] = f;
                    return true;
                }
            }
            return false;
        }, "shadow finding " + rule + " on " + merchant);
        return found[0];
    }

    private List<JsonNode> alerts(String merchant) {
        var list = new ArrayList<JsonNode>();
        api().ok("/alerts?size=500&merchantId=" + merchant).path("items").forEach(list::add);
        return list;
    }

    private Set<String> alertRules(String merchant) {
        return alerts(merchant).stream().map(a -> a.path("ruleId").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> alertIds(String merchant) {
        return alerts(merchant).stream().map(a -> a.path("alertId").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> findingIds(JsonNode evaluation) {
        return StreamSupport.stream(evaluation.path("findings").spliterator(), false)
                .map(f -> f.path("alertId").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode finding(JsonNode evaluation, String rule) {
        return StreamSupport.stream(evaluation.path("findings").spliterator(), false)
                .filter(f -> f.path("ruleId").asText().equals(rule)).findFirst().orElse(null);
    }

    private static JsonNode measurement(JsonNode finding, String name) {
        return StreamSupport.stream(finding.path("measurements").spliterator(), false)
                .filter(m -> m.path("name").asText().equals(name)).findFirst().orElseThrow();
    }
}
