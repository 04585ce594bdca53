package com.marketplaceledger.supervision.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Regulators' case work over real HTTP, on alerts recorded in the real event store. */
class CasesApiIntegrationTest extends QuerySideIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Who acts: the subject of the caller's token is recorded as who did it. */
    private static final String WANG = TestTokens.of("inspector.wang", LedgerRole.REGULATOR);
    private static final String ZHAO = TestTokens.of("inspector.zhao", LedgerRole.REGULATOR);
    private static final String LI = TestTokens.of("director.li", LedgerRole.REGULATOR);
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    record Answer(int status, JsonNode body, String raw) {

        JsonNode ok(int expected) {
            assertThat(status).as(raw).isEqualTo(expected);
            return body;
        }

        void refused(int expectedStatus, String rule, String field) {
            assertThat(status).as(raw).isEqualTo(expectedStatus);
            assertThat(body.get("rule").asText()).as(raw).isEqualTo(rule);
            if (field != null) {
                assertThat(body.get("field").asText()).as(raw).isEqualTo(field);
            }
        }
    }

    @Test
    void a_case_is_opened_reviewed_noted_escalated_and_closed_with_every_action_on_its_timeline() {
        String merchant = newMerchant();
        String scale = raiseAlert(merchant);
        String fees = raiseAlert(merchant);
        Instant before = Instant.now().minusMillis(1);

        JsonNode opened = post("/cases", WANG, Map.of("merchantId", merchant, "alertIds", List.of(scale, fees),
                "summary", "31 people in 4 levels")).ok(201);
        String caseId = opened.get("caseId").asText();
        long p1 = opened.get("position").asLong();
        long p2 = post("/cases/" + caseId + "/review", ZHAO, null).ok(200).get("position").asLong();
        long p3 = post("/cases/" + caseId + "/notes", ZHAO, Map.of("text", "D-3 recruited 12"))
                .ok(200).get("position").asLong();
        long p4 = post("/cases/" + caseId + "/escalation", ZHAO, Map.of("reason", "criminal scale"))
                .ok(200).get("position").asLong();
        JsonNode closed = post("/cases/" + caseId + "/closure", LI, Map.of("finding", "PENALISED",
                "summary", "fees refunded, fine imposed")).ok(200);
        long p5 = closed.get("position").asLong();

        assertThat(caseId).startsWith("CASE-");
        assertThat(closed.get("caseId").asText()).isEqualTo(caseId);
        assertThat(List.of(p1, p2, p3, p4, p5)).isSorted().doesNotHaveDuplicates();
        assertThat(p5).isEqualTo(positions.lastPositionOf(StreamIds.caseFile(caseId)).orElseThrow());

        JsonNode file = get("/cases/" + caseId + "?minPosition=" + p5).ok(200);
        assertThat(file.get("caseId").asText()).isEqualTo(caseId);
        assertThat(file.get("merchantId").asText()).isEqualTo(merchant);
        assertThat(file.get("status").asText()).isEqualTo("CLOSED");
        assertThat(texts(file.get("alertIds"))).containsExactly(scale, fees);
        assertThat(file.get("openedBy").asText()).isEqualTo("inspector.wang");
        assertThat(file.get("summary").asText()).isEqualTo("31 people in 4 levels");
        assertThat(file.get("escalated").asBoolean()).isTrue();
        assertThat(file.get("closedBy").asText()).isEqualTo("director.li");
        assertThat(file.get("finding").asText()).isEqualTo("PENALISED");
        assertThat(file.get("closingSummary").asText()).isEqualTo("fees refunded, fine imposed");

        JsonNode timeline = file.get("timeline");
        assertThat(timeline).hasSize(5);
        assertThat(field(timeline, "action")).containsExactly("OPENED", "REVIEW_STARTED", "NOTE_ADDED", "ESCALATED", "CLOSED");
        assertThat(field(timeline, "by"))
                .containsExactly("inspector.wang", "inspector.zhao", "inspector.zhao", "inspector.zhao", "director.li");
        assertThat(field(timeline, "text")).containsExactly("31 people in 4 levels", "null", "D-3 recruited 12",
                "criminal scale", "fees refunded, fine imposed");
        assertThat(timeline.get(4).get("finding").asText()).isEqualTo("PENALISED");
        List<Instant> times = new ArrayList<>();
        timeline.forEach(action -> {
            Instant at = Instant.parse(action.get("at").asText());
            assertThat(at).isAfter(before).isBeforeOrEqualTo(Instant.parse(action.get("recordedAt").asText()));
            times.add(at);
        });
        assertThat(times).isSorted();
        assertThat(file.get("closedAt").asText()).isEqualTo(timeline.get(4).get("at").asText());
        assertThat(file.get("openedAt").asText()).isEqualTo(timeline.get(0).get("at").asText());
        assertThat(field(timeline, "eventId")).isEqualTo(jdbc.queryForList("SELECT event_identifier FROM "
                + "axon.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class,
                StreamIds.caseFile(caseId)));
    }

    @Test
    void every_action_on_a_case_is_in_the_merchants_audit_trail_with_who_acted() {
        String merchant = newMerchant();
        String alert = raiseAlert(merchant);
        String caseId = "CASE-audit-" + UUID.randomUUID().toString().substring(0, 8);
        post("/cases", WANG, Map.of("caseId", caseId, "merchantId", merchant, "alertIds", List.of(alert)))
                .ok(201);
        post("/cases/" + caseId + "/notes", WANG, Map.of("text", "first look")).ok(200);
        post("/cases/" + caseId + "/escalation", WANG, Map.of("reason", "serious")).ok(200);
        long last = post("/cases/" + caseId + "/closure", LI, Map.of("finding", "WARNING_ISSUED",
                "summary", "warned")).ok(200).get("position").asLong();

        JsonNode trail = get("/merchants/" + merchant + "/audit-trail?minPosition=" + last).ok(200).get("items");

        assertThat(field(trail, "type"))
                .containsExactly("AlertRaised", "CaseOpened", "CaseNoteAdded", "CaseEscalated", "CaseClosed");
        JsonNode timeline = get("/cases/" + caseId).ok(200).get("timeline");
        assertThat(field(trail, "eventId").subList(1, 5)).isEqualTo(field(timeline, "eventId"));
        assertThat(trail.get(1).get("stream").asText()).isEqualTo("case/" + caseId);
        assertThat(trail.get(1).get("payload").get("openedBy").asText()).isEqualTo("inspector.wang");
        assertThat(trail.get(2).get("payload").get("author").asText()).isEqualTo("inspector.wang");
        assertThat(trail.get(2).get("payload").get("noteNumber").asInt()).isEqualTo(1);
        assertThat(trail.get(4).get("payload").get("by").asText()).isEqualTo("director.li");
        assertThat(trail.get(4).get("payload").get("finding").asText()).isEqualTo("WARNING_ISSUED");
        assertThat(trail.get(4).get("occurredAt").asText()).isEqualTo(timeline.get(3).get("at").asText());
    }

    @Test
    void a_case_is_not_opened_on_an_alert_never_raised_against_its_merchant() {
        String merchant = newMerchant();
        String known = raiseAlert(merchant);
        String othersAlert = raiseAlert(newMerchant());
        String caseId = "CASE-unknown-" + UUID.randomUUID().toString().substring(0, 8);

        Answer refused = post("/cases", WANG, Map.of("caseId", caseId, "merchantId", merchant,
                "alertIds", List.of(known, "A-never-raised", othersAlert)));

        refused.refused(422, "unknown-alert", "alertIds");
        assertThat(texts(refused.body().get("unknownAlertIds"))).containsExactly("A-never-raised", othersAlert);
        assertThat(positions.lastPositionOf(StreamIds.caseFile(caseId))).isEmpty();
        get("/cases/" + caseId).refused(404, "unknown-case", "caseId");
    }

    @Test
    void a_given_case_id_is_used_once() {
        String merchant = newMerchant();
        String alert = raiseAlert(merchant);
        String caseId = "CASE-given-" + UUID.randomUUID().toString().substring(0, 8);
        var request = Map.of("caseId", caseId, "merchantId", merchant, "alertIds", List.of(alert));

        assertThat(post("/cases", WANG, request).ok(201).get("caseId").asText()).isEqualTo(caseId);
        post("/cases", WANG, request).refused(409, "case-exists", "caseId");
    }

    @Test
    void workflow_refusals_are_conflicts_naming_the_rule_and_record_nothing() {
        String merchant = newMerchant();
        String caseId = post("/cases", WANG, Map.of("merchantId", merchant, "alertIds", List.of(raiseAlert(merchant))))
                .ok(201).get("caseId").asText();
        post("/cases/" + caseId + "/escalation", WANG, Map.of("reason", "serious")).ok(200);
        long escalatedAt = positions.lastPositionOf(StreamIds.caseFile(caseId)).orElseThrow();

        Answer review = post("/cases/" + caseId + "/review", WANG, null);
        review.refused(409, "case-state", "caseId");
        assertThat(review.body().get("status").asText()).isEqualTo("ESCALATED");
        post("/cases/" + caseId + "/escalation", WANG, Map.of("reason", "again"))
                .refused(409, "case-state", "caseId");
        assertThat(positions.lastPositionOf(StreamIds.caseFile(caseId))).hasValue(escalatedAt);

        post("/cases/" + caseId + "/closure", LI, Map.of("finding", "NO_VIOLATION", "summary", "ok"))
                .ok(200);
        long closedAt = positions.lastPositionOf(StreamIds.caseFile(caseId)).orElseThrow();
        post("/cases/" + caseId + "/notes", WANG, Map.of("text", "late")).refused(409, "case-closed", "caseId");
        post("/cases/" + caseId + "/closure", LI, Map.of("finding", "PENALISED", "summary", "again"))
                .refused(409, "case-closed", "caseId");
        assertThat(positions.lastPositionOf(StreamIds.caseFile(caseId))).hasValue(closedAt);
    }

    @Test
    void actions_on_an_unknown_case_are_not_found() {
        post("/cases/CASE-never-opened/review", WANG, null).refused(404, "unknown-case", "caseId");
        post("/cases/CASE-never-opened/notes", WANG, Map.of("text", "hello"))
                .refused(404, "unknown-case", "caseId");
        get("/cases/CASE-never-opened").refused(404, "unknown-case", "caseId");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no alerts           | /cases                | {\"merchantId\":\"M-1\",\"alertIds\":[]}                | alertIds",
            "alerts missing      | /cases                | {\"merchantId\":\"M-1\"}                                | alertIds",
            "malformed alert id  | /cases                | {\"merchantId\":\"M-1\",\"alertIds\":[\"A/1\"]}         | alertIds",
            "malformed merchant  | /cases                | {\"merchantId\":\"M 1\",\"alertIds\":[\"A-1\"]}         | merchantId",
            "malformed case id   | /cases                | {\"caseId\":\"C/1\",\"merchantId\":\"M-1\",\"alertIds\":[\"A-1\"]} | caseId",
            "note without text   | /cases/C-1/notes      | {}                                                    | text",
            "no reason           | /cases/C-1/escalation | {\"reason\":\"\"}                                     | reason",
            "unknown finding     | /cases/C-1/closure    | {\"finding\":\"JAILED\",\"summary\":\"s\"}              | finding",
            "no finding          | /cases/C-1/closure    | {\"summary\":\"s\"}                                     | finding",
            "no closing summary  | /cases/C-1/closure    | {\"finding\":\"PENALISED\"}                             | summary",
            "a NUL in a note     | /cases/C-1/notes      | {\"text\":\"a\\u0000b\"}                                | text",
            "a NUL in a summary  | /cases                | {\"merchantId\":\"M-1\",\"alertIds\":[\"A-1\"],\"summary\":\"x\\u0000\"} | summary"})
    void bad_input_is_a_400_naming_the_field(String what, String path, String body, String field) {
        post(path, WANG, body).refused(400, "invalid-parameter", field);
    }

    @Test
    void a_malformed_case_id_in_the_path_is_a_400() {
        get("/cases/C%20one").refused(400, "invalid-parameter", "caseId");
    }

    @Test
    void cases_are_listed_newest_first_by_merchant_and_status_a_page_at_a_time() {
        String merchant = newMerchant();
        String other = newMerchant();
        // opened in the order of their ids, so that the newest comes first even if two share a millisecond
        String first = openCase(merchant, merchant + "-1");
        String second = openCase(merchant, merchant + "-2");
        String third = openCase(merchant, merchant + "-3");
        String elsewhere = openCase(other, other + "-1");
        post("/cases/" + second + "/review", ZHAO, null).ok(200);
        long last = post("/cases/" + third + "/closure", LI, Map.of("finding", "NO_VIOLATION",
                "summary", "retail plan")).ok(200).get("position").asLong();

        JsonNode all = get("/cases?merchantId=" + merchant + "&minPosition=" + last).ok(200);
        assertThat(field(all.get("items"), "caseId")).containsExactly(third, second, first);
        assertThat(field(all.get("items"), "status")).containsExactly("CLOSED", "UNDER_REVIEW", "OPEN");
        assertThat(all.get("items").get(0).get("merchantId").asText()).isEqualTo(merchant);
        assertThat(all.get("items").get(0).get("alertIds")).hasSize(1);
        assertThat(all.get("hasMore").asBoolean()).isFalse();

        assertThat(field(get("/cases?merchantId=" + merchant + "&status=UNDER_REVIEW").ok(200).get("items"), "caseId"))
                .containsExactly(second);
        assertThat(field(get("/cases?merchantId=" + other).ok(200).get("items"), "caseId")).containsExactly(elsewhere);
        assertThat(field(get("/cases?status=OPEN&size=500").ok(200).get("items"), "caseId"))
                .contains(first, elsewhere).doesNotContain(second, third);

        JsonNode page0 = get("/cases?merchantId=" + merchant + "&size=2").ok(200);
        JsonNode page1 = get("/cases?merchantId=" + merchant + "&size=2&page=1").ok(200);
        assertThat(field(page0.get("items"), "caseId")).containsExactly(third, second);
        assertThat(page0.get("hasMore").asBoolean()).isTrue();
        assertThat(field(page1.get("items"), "caseId")).containsExactly(first);
        assertThat(page1.get("hasMore").asBoolean()).isFalse();
        assertThat(get("/cases?merchantId=M-no-cases").ok(200).get("items")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/cases?status=SHUT,          status",
            "/cases?merchantId=M%201,     merchantId",
            "/cases?page=-1,              page",
            "/cases?size=501,             size"})
    void a_bad_list_parameter_is_a_400_naming_it(String path, String field) {
        get(path).refused(400, "invalid-parameter", field);
    }

    @Test
    void the_openapi_document_describes_the_case_endpoints_under_the_cases_tag() {
        JsonNode api = get("/v3/api-docs").ok(200);

        for (String path : List.of("cases/post", "cases/get", "cases~1{caseId}/get", "cases~1{caseId}~1review/post",
                "cases~1{caseId}~1notes/post", "cases~1{caseId}~1escalation/post", "cases~1{caseId}~1closure/post")) {
            assertThat(api.at("/paths/~1" + path + "/tags/0").asText()).as(path).isEqualTo("Cases");
        }
        assertThat(api.at("/paths/~1cases/post/responses/422/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(api.at("/paths/~1cases/get/responses/200/content/*~1*/schema/$ref").asText())
                .isEqualTo("#/components/schemas/PageCaseSummary");
        assertThat(api.at("/paths/~1cases~1{caseId}~1closure/post/responses/409/content/application~1problem+json")
                .isMissingNode()).isFalse();
        // the detail shows the case's own fields at the top level, beside its timeline
        JsonNode detail = api.at("/components/schemas/CaseDetail");
        assertThat(detail.at("/properties/status").isMissingNode()).as("%s", detail).isFalse();
        assertThat(detail.at("/properties/timeline").isMissingNode()).as("%s", detail).isFalse();
    }

    private String openCase(String merchant, String caseId) {
        return post("/cases", WANG, Map.of("caseId", caseId, "merchantId", merchant, "alertIds", List.of(raiseAlert(merchant))))
                .ok(201).get("caseId").asText();
    }

    private static String newMerchant() {
        return "M-case-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An alert as the detection engine raises it: the first event of its own stream. */
    private String raiseAlert(String merchant) {
        var merchantId = MerchantId.of(merchant);
        var alertId = AlertId.of("A-" + UUID.randomUUID().toString().substring(0, 12));
        var raised = new AlertRaised(merchantId, alertId, "CN-CRIMINAL-SCALE", 1, 1, Severity.CRITICAL,
                RuleCategory.PYRAMID_INDICATOR, null, null, LocalDate.parse("2026-03-31"),
                List.of(new Measurement("people", new BigDecimal("31"), "people", ">=", new BigDecimal("30"))),
                "rule.CN-CRIMINAL-SCALE.reason", Map.of("people", "31", "levels", "4"), List.of(), 0, Instant.parse("2026-04-01T00:00:00Z"));
        eventStore.publish(new GenericDomainEventMessage<>("Alert", StreamIds.alert(merchantId, alertId.value()), 0, raised));
        return alertId.value();
    }

    private static List<String> field(JsonNode items, String name) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(name).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestTokens.officer()).GET().build());
    }

    /** POSTs {@code body} (JSON text, or an object to write as JSON; null: no body) as the bearer of {@code token}. */
    private Answer post(String path, String token, Object body) {
        try {
            var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
            if (body == null) {
                request.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                String json = body instanceof String text ? text : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            }
            return send(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
