package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.query.support.QueryApi.Answer;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts, findings, rules and problems read in the regulator's language: Chinese for
 * Accept-Language zh-CN, English for lang=en (which wins over the header) or when no language is
 * asked for; the alert events themselves hold codes and figures, no sentence.
 */
class RegulatorLanguageIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant JAN = Instant.parse("2026-01-05T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHINESE_REASON = "该网络收取入门费或以发展人员数量计酬，参与人员（含组织者）达32人，层级达3级。";
    private static final String ENGLISH_REASON =
            "32 people in 3 levels, counting the organiser, are in a network that takes entry fees or pays per recruit";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAlertReadsInChineseForAcceptLanguageZhCnAndInEnglishForLangEn() {
        String alertId = criminalScaleAlert("M-lang-read");

        Answer chinese = api().accepting("zh-CN,zh;q=0.9,en;q=0.5").get("/alerts/" + alertId);
        JsonNode zh = chinese.body().path("alert");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.raw().headers().firstValue("Content-Language")).hasValue("zh-CN");
        assertThat(zh.path("title").asText()).isEqualTo("传销组织达到对组织者、领导者追究刑事责任的标准");
        assertThat(zh.path("reason").asText()).isEqualTo(CHINESE_REASON);
        assertThat(measurement(zh, "people").path("label").asText()).isEqualTo("参与人员（含组织者）");
        assertThat(measurement(zh, "people").path("unitLabel").asText()).isEqualTo("人");
        assertThat(measurement(zh, "levels").path("label").asText()).isEqualTo("层级（含组织者所在层级）");
        assertThat(measurement(zh, "entryPayments").path("label").asText()).isEqualTo("为加入而缴费");
        // the codes stay as they are, whatever the language
        assertThat(zh.path("reasonCode").asText()).isEqualTo("rule.CN-CRIMINAL-SCALE.reason");
        assertThat(zh.path("reasonArguments").path("people").asText()).isEqualTo("32");
        assertThat(measurement(zh, "people").path("unit").asText()).isEqualTo("people");

        Answer english = api().accepting("zh-CN").get("/alerts/" + alertId + "?lang=en");
        JsonNode en = english.body().path("alert");
        assertThat(english.raw().headers().firstValue("Content-Language")).hasValue("en");
        assertThat(en.path("title").asText()).isEqualTo("A pyramid large enough to prosecute its organisers");
        assertThat(en.path("reason").asText()).isEqualTo(ENGLISH_REASON);
        assertThat(measurement(en, "people").path("label").asText()).isEqualTo("people, the organiser included");
        assertThat(measurement(en, "people").path("unitLabel").asText()).isEqualTo("people");

        // neither asked: English; lang=zh-CN alone: Chinese, in the list too
        assertThat(api().ok("/alerts/" + alertId).path("alert").path("reason").asText()).isEqualTo(ENGLISH_REASON);
        JsonNode listed = StreamSupport.stream(api().ok("/alerts?merchantId=M-lang-read&lang=zh-CN").path("items").spliterator(), false)
                .filter(a -> a.path("alertId").asText().equals(alertId)).findFirst().orElseThrow();
        assertThat(listed.path("reason").asText()).isEqualTo(CHINESE_REASON);
    }

    @Test
    void theStoredAlertRaisedHoldsItsReasonCodeAndFiguresAndNoSentenceInEitherLanguage() throws Exception {
        String alertId = criminalScaleAlert("M-lang-stored");
        String eventId = api().ok("/alerts/" + alertId).path("alert").path("eventId").asText();

        var stored = jdbc.queryForMap("SELECT payload, payload_revision FROM axon.domain_event_entry WHERE event_identifier = ?",
                eventId);
        String payload = new String((byte[]) stored.get("payload"), StandardCharsets.UTF_8);
        JsonNode event = JSON.readTree(payload);

        assertThat(stored.get("payload_revision")).isEqualTo("2");
        assertThat(event.path("reasonCode").asText()).isEqualTo("rule.CN-CRIMINAL-SCALE.reason");
        assertThat(event.path("reasonArguments").path("people").asText()).isEqualTo("32");
        assertThat(event.path("reasonArguments").path("levels").asText()).isEqualTo("3");
        assertThat(event.has("reason")).as("a reason sentence in the payload: %s", payload).isFalse();
        assertThat(payload).doesNotContain("counting the organiser").doesNotContain("organiser")
                .doesNotContain("参与人员").doesNotContain("传销");
    }

    @Test
    void anAlertStoredAtRevisionOneIsUpcastAndItsEnglishSentenceShownInBothLanguagesAsStored() {
        String alertId = "A-legacy-" + UUID.randomUUID().toString().substring(0, 8);
        String merchant = "M-lang-legacy";
        String sentence = "31 people in 4 levels, counting the organiser, joined a network that charges entry fees or pays per recruit";
        // AlertRaised as revision 1 stored it, its reason an English sentence
        String v1 = """
                {"merchantId": "%s", "alertId": "%s", "ruleId": "CN-CRIMINAL-SCALE", "ruleVersion": 1, "ruleSetVersion": 1,
                 "severity": "CRITICAL", "category": "PYRAMID_INDICATOR", "subtreeRootId": null, "period": null,
                 "observedOn": "2025-03-31",
                 "measurements": [{"name": "people", "value": 31, "unit": "people", "comparison": ">=", "threshold": 30},
                                  {"name": "joiningFeesPaid", "value": 30, "unit": "payments", "comparison": null, "threshold": null}],
                 "reason": "%s", "evidenceEventIds": [], "evidenceTotal": 0, "occurredAt": "2025-04-01T00:05:00Z"}"""
                .formatted(merchant, alertId, sentence);
        Long position = jdbc.queryForObject("""
                        INSERT INTO axon.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, 0, 'Alert', ?, ?, ?, '1', 'com.marketplaceledger.shared.detection.AlertRaised', ?)
                        RETURNING global_index""", Long.class,
                StreamIds.alert(MerchantId.of(merchant), alertId), UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8), v1.getBytes(StandardCharsets.UTF_8), "2025-04-01T00:05:00Z");
        newHistory().awaitProcessed(position);

        JsonNode en = api().ok("/alerts/" + alertId + "?lang=en").path("alert");
        JsonNode zh = api().ok("/alerts/" + alertId + "?lang=zh-CN").path("alert");

        assertThat(en.path("reasonCode").asText()).isEqualTo("reason.legacy");
        assertThat(en.path("reasonArguments").path("sentence").asText()).isEqualTo(sentence);
        assertThat(en.path("reason").asText()).isEqualTo(sentence);
        assertThat(zh.path("reason").asText()).isEqualTo("本条理由记录于系统提供中文文本之前，仅存英文原文：“" + sentence + "”");
        assertThat(zh.path("title").asText()).isEqualTo("传销组织达到对组织者、领导者追究刑事责任的标准");
        // a measurement no rule states any more shows as its code
        assertThat(measurement(zh, "joiningFeesPaid").path("label").asText()).isEqualTo("joiningFeesPaid");
        assertThat(measurement(zh, "joiningFeesPaid").path("unitLabel").asText()).isEqualTo("笔");
    }

    @Test
    void theEvaluationAndTheRuleCatalogueReadInTheAskedLanguage() {
        criminalScaleAlert("M-lang-risk");

        JsonNode finding = StreamSupport.stream(api().accepting("zh-CN").get("/merchants/M-lang-risk/risk").body()
                        .path("findings").spliterator(), false)
                .filter(f -> f.path("ruleId").asText().equals("CN-CRIMINAL-SCALE")).findFirst().orElseThrow();
        assertThat(finding.path("title").asText()).isEqualTo("传销组织达到对组织者、领导者追究刑事责任的标准");
        assertThat(finding.path("reason").asText()).isEqualTo(CHINESE_REASON);
        assertThat(finding.path("reasonCode").asText()).isEqualTo("rule.CN-CRIMINAL-SCALE.reason");

        JsonNode headcount = StreamSupport.stream(api().ok("/detection/rules?lang=zh-CN").spliterator(), false)
                .filter(r -> r.path("ruleId").asText().equals("CN-HEADCOUNT-PAY")).findFirst().orElseThrow();
        assertThat(headcount.path("title").asText()).isEqualTo("以发展人员数量计提报酬（拉人头）");
        assertThat(headcount.path("source").asText()).isEqualTo("《禁止传销条例》第七条第（一）项");
        JsonNode english = StreamSupport.stream(api().ok("/detection/rules").spliterator(), false)
                .filter(r -> r.path("ruleId").asText().equals("CN-HEADCOUNT-PAY")).findFirst().orElseThrow();
        assertThat(english.path("title").asText()).isEqualTo("Pay per recruit");
    }

    @Test
    void aBadFilterOnAlertsIsRefusedInTheCallersLanguage() {
        Answer chinese = api().accepting("zh-CN").get("/alerts?severity=SEVERE");
        Answer english = api().accepting("zh-CN").get("/alerts?severity=SEVERE&lang=en");

        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.body().path("rule").asText()).isEqualTo("invalid-parameter");
        assertThat(chinese.body().path("field").asText()).isEqualTo("severity");
        assertThat(chinese.body().path("title").asText()).isEqualTo("参数无效");
        assertThat(chinese.body().path("detail").asText())
                .isEqualTo("severity：SEVERE不在可选值之中（可选：[CRITICAL, HIGH, LOW, MEDIUM]）");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body().path("title").asText()).isEqualTo("Invalid parameter");
        assertThat(english.body().path("detail").asText()).isEqualTo("severity: SEVERE is not one of [CRITICAL, HIGH, LOW, MEDIUM]");
    }

    @Test
    void springsOwnRefusalsTakeTheLedgersTitleInTheCallersLanguage() {
        Answer answer = api().get("/detection/no-such-thing?lang=zh-CN");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("rule").asText()).isEqualTo("not-found");
        assertThat(answer.body().path("title").asText()).isEqualTo("未找到");
    }

    @Test
    void aLanguageTheLedgerDoesNotWriteIsRefusedRatherThanAnsweredInEnglishUnasked() {
        Answer answer = api().get("/alerts?lang=fr");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("field").asText()).isEqualTo("lang");
        assertThat(answer.body().path("detail").asText()).isEqualTo("lang: 'fr' is not one of en, zh-CN");
    }

    @Test
    void anotherMerchantsNetworkIsHiddenByTheSameChineseAnswerAsAnUnknownMerchant() {
        new NetworkBuilder(newHistory(), "M-lang-hidden", JAN).rootWithRecruits(1, JAN).await();

        Answer hidden = api().as(TestTokens.merchant("M-lang-nosy")).accepting("zh-CN").get("/merchants/M-lang-hidden");
        Answer unknown = api().accepting("zh-CN").get("/merchants/M-lang-hidden-not");

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(hidden.body().path("title").asText()).isEqualTo("商户不存在").isEqualTo(unknown.body().path("title").asText());
        assertThat(hidden.body().path("detail").asText()).isEqualTo("不存在商户M-lang-hidden");
        assertThat(unknown.body().path("detail").asText()).isEqualTo("不存在商户M-lang-hidden-not");
        assertThat(hidden.body().path("rule").asText()).isEqualTo(unknown.body().path("rule").asText());
    }

    /** A network of 32 people in 3 levels paying entry fees, judged: its criminal-scale alert. */
    private String criminalScaleAlert(String merchant) {
        new NetworkBuilder(newHistory(), merchant, JAN).rootWithRecruits(30, JAN).await();
        awaitDetectionSettled();
        return StreamSupport.stream(api().ok("/alerts?size=500&merchantId=" + merchant).path("items").spliterator(), false)
                .filter(a -> a.path("ruleId").asText().equals("CN-CRIMINAL-SCALE")).findFirst().orElseThrow()
                .path("alertId").asText();
    }

    private static JsonNode measurement(JsonNode alert, String name) {
        return StreamSupport.stream(alert.path("measurements").spliterator(), false)
                .filter(m -> m.path("name").asText().equals(name)).findFirst().orElseThrow();
    }
}
