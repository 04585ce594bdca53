package com.marketplaceledger.query.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.query.operations.ReadModelRebuilds;
import com.marketplaceledger.query.support.QueryApi.Answer;
import com.marketplaceledger.query.support.QueryApi;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.query.support.Walkthrough;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;
import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static com.marketplaceledger.query.access.AccessControlIntegrationTest.Who.ADMIN;
import static com.marketplaceledger.query.access.AccessControlIntegrationTest.Who.AUDITOR;
import static com.marketplaceledger.query.access.AccessControlIntegrationTest.Who.NOBODY;
import static com.marketplaceledger.query.access.AccessControlIntegrationTest.Who.OTHER_MERCHANT;
import static com.marketplaceledger.query.access.AccessControlIntegrationTest.Who.OWN_MERCHANT;
import static com.marketplaceledger.query.access.AccessControlIntegrationTest.Who.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Who may call what on the query side, over real HTTP with real tokens: every endpoint the OpenAPI
 * document lists against an expectation table of its own (written from the intent of the access
 * rules, not read from them), the refusals' answers, bad credentials, and who is recorded as acting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIntegrationTest extends QuerySideIntegrationTest {

    /** The callers of the matrix. */
    enum Who { NOBODY, OWN_MERCHANT, OTHER_MERCHANT, REGULATOR, AUDITOR, ADMIN }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** The merchant whose paths the matrix asks for. */
    private static final String M = "M-access-" + RUN;
    /** Another merchant, as real as {@link #M}: its token must not reach {@link #M}'s data. */
    private static final String OTHER = "M-access-other-" + RUN;
    /** A merchant that does not exist. */
    private static final String NOBODY_KNOWN = "M-access-none-" + RUN;
    private static final String UNKNOWN_CASE = "CASE-access-none-" + RUN;
    private static final String UNKNOWN_PROCESSOR = "no-such-read-model";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final Set<Who> EVERY_TOKEN = EnumSet.of(OWN_MERCHANT, OTHER_MERCHANT, REGULATOR, AUDITOR, ADMIN);
    private static final Set<Who> OVERSIGHT = EnumSet.of(REGULATOR, AUDITOR);
    private static final Set<Who> MERCHANT_OR_OVERSIGHT = EnumSet.of(OWN_MERCHANT, REGULATOR, AUDITOR);
    private static final Set<Who> REGULATOR_ONLY = EnumSet.of(REGULATOR);
    private static final Set<Who> AUDITOR_ONLY = EnumSet.of(AUDITOR);
    private static final Set<Who> OPERATORS = EnumSet.of(AUDITOR, ADMIN);
    private static final Set<Who> ADMIN_ONLY = EnumSet.of(ADMIN);

    /**
     * Who may call each endpoint, as the access rules mean it: a merchant reads its own network,
     * accounts and audit trail (not the regulator's findings about it); regulators and auditors read
     * everything else; regulators work cases and detection rules; auditors verify and export;
     * auditors and admins run replays; admins handle dead letters. Every endpoint of the OpenAPI
     * document must be here.
     */
    private static final Map<String, Set<Who>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /stream/position", EVERY_TOKEN);
        // merchants
        EXPECTED.put("GET /merchants", OVERSIGHT);
        EXPECTED.put("GET /merchants/{merchantId}", MERCHANT_OR_OVERSIGHT);
        EXPECTED.put("GET /merchants/{merchantId}/accounts", MERCHANT_OR_OVERSIGHT);
        EXPECTED.put("GET /merchants/{merchantId}/accounts/monthly", MERCHANT_OR_OVERSIGHT);
        EXPECTED.put("GET /merchants/{merchantId}/distributors/{distributorId}", MERCHANT_OR_OVERSIGHT);
        EXPECTED.put("GET /merchants/{merchantId}/distributors/{distributorId}/downline", MERCHANT_OR_OVERSIGHT);
        EXPECTED.put("GET /merchants/{merchantId}/distributors/{distributorId}/accounts/monthly", MERCHANT_OR_OVERSIGHT);
        EXPECTED.put("GET /merchants/{merchantId}/audit-trail", MERCHANT_OR_OVERSIGHT);
        // findings about a merchant are the regulator's, not the merchant's
        EXPECTED.put("GET /merchants/{merchantId}/risk", OVERSIGHT);
        EXPECTED.put("GET /merchants/{merchantId}/distributors/{distributorId}/risk", OVERSIGHT);
        // across merchants
        EXPECTED.put("GET /audit-trail", OVERSIGHT);
        EXPECTED.put("GET /audit-trail/events/{eventId}", OVERSIGHT);
        EXPECTED.put("GET /history", OVERSIGHT);
        EXPECTED.put("GET /alerts", OVERSIGHT);
        EXPECTED.put("GET /alerts/{alertId}", OVERSIGHT);
        EXPECTED.put("GET /networks/risk", OVERSIGHT);
        // case work: read by oversight, worked by regulators
        EXPECTED.put("GET /cases", OVERSIGHT);
        EXPECTED.put("GET /cases/{caseId}", OVERSIGHT);
        EXPECTED.put("POST /cases", REGULATOR_ONLY);
        EXPECTED.put("POST /cases/{caseId}/review", REGULATOR_ONLY);
        EXPECTED.put("POST /cases/{caseId}/notes", REGULATOR_ONLY);
        EXPECTED.put("POST /cases/{caseId}/escalation", REGULATOR_ONLY);
        EXPECTED.put("POST /cases/{caseId}/closure", REGULATOR_ONLY);
        // detection rules: read by oversight, changed by regulators
        EXPECTED.put("GET /detection/rules", OVERSIGHT);
        EXPECTED.put("GET /detection/rule-sets", OVERSIGHT);
        EXPECTED.put("GET /detection/rule-sets/{version}", OVERSIGHT);
        EXPECTED.put("POST /detection/rule-sets", REGULATOR_ONLY);
        EXPECTED.put("POST /detection/rule-sets/{version}/activation", REGULATOR_ONLY);
        EXPECTED.put("GET /detection/shadow", OVERSIGHT);
        EXPECTED.put("PUT /detection/shadow", REGULATOR_ONLY);
        EXPECTED.put("DELETE /detection/shadow", REGULATOR_ONLY);
        EXPECTED.put("POST /detection/backtests", REGULATOR_ONLY);
        // integrity and export
        EXPECTED.put("GET /integrity/digest", OVERSIGHT);
        EXPECTED.put("GET /integrity/verification", OVERSIGHT);
        EXPECTED.put("POST /integrity/verification", OVERSIGHT);
        EXPECTED.put("GET /export", AUDITOR_ONLY);
        // operations
        EXPECTED.put("GET /operations/processors", OPERATORS);
        EXPECTED.put("GET /operations/dead-letters", OPERATORS);
        EXPECTED.put("GET /operations/read-models/{processor}/replay", OPERATORS);
        EXPECTED.put("GET /operations/read-models/{processor}/checksum", OPERATORS);
        EXPECTED.put("POST /operations/read-models/{processor}/rebuild", OPERATORS);
        EXPECTED.put("POST /operations/read-models/rebuild", OPERATORS);
        EXPECTED.put("POST /operations/dead-letters/{processor}/retry", ADMIN_ONLY);
        EXPECTED.put("POST /operations/processors/pause", ADMIN_ONLY);
        EXPECTED.put("POST /operations/processors/resume", ADMIN_ONLY);
    }

    /**
     * Query strings and bodies that make an allowed request harmless: it names this test's data, or
     * it is refused by the service itself (400, 404 of its own kind, 409), which proves it passed
     * access control without changing anything.
     */
    private static final Map<String, String> QUERY = Map.of(
            "GET /history", "?stream=merchant/" + M,
            "GET /export", "?merchantId=" + M,
            "GET /alerts", "?merchantId=" + M,
            "GET /cases", "?merchantId=" + M,
            "GET /audit-trail", "?merchantId=" + M);
    private static final Map<String, String> BODY = Map.of(
            "POST /cases", "{}",
            "POST /cases/{caseId}/notes", "{\"text\":\"matrix\"}",
            "POST /cases/{caseId}/escalation", "{\"reason\":\"matrix\"}",
            "POST /cases/{caseId}/closure", "{\"finding\":\"NO_VIOLATION\",\"summary\":\"matrix\"}",
            "POST /detection/rule-sets", "{\"basedOn\":999999}",
            "PUT /detection/shadow", "{}",
            "POST /detection/backtests", "{\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}",
            "POST /integrity/verification", "{}");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelRebuilds rebuilds;

    private QueryApi api;
    private String alertId;
    private String caseId;
    private String eventId;
    private String processor;

    @BeforeAll
    void recordTwoMerchantsAnAlertAndACase() {
        api = api();
        Walkthrough.record(newHistory(), M);
        Walkthrough.record(newHistory(), OTHER);
        alertId = raiseAlert(M);
        caseId = "CASE-access-" + RUN;
        Answer opened = api.as(TestTokens.of("inspector-matrix", LedgerRole.REGULATOR)).send("POST", "/cases",
                "{\"caseId\":\"" + caseId + "\",\"merchantId\":\"" + M + "\",\"alertIds\":[\"" + alertId + "\"]}");
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(201);
        newHistory().awaitProcessed(opened.body().get("position").asLong());
        awaitDetectionSettled();
        eventId = api.ok("/merchants/" + M + "/audit-trail").get("items").get(0).get("eventId").asText();
        processor = api.ok("/operations/processors").get("processors").get(0).get("name").asText();
    }

    // ---------------------------------------------------------------- the matrix

    @Test
    void every_endpoint_of_the_openapi_document_is_in_the_expectation_table_and_the_table_names_no_other() {
        Set<String> documented = documentedEndpoints();

        assertThat(new TreeSet<>(EXPECTED.keySet())).as("endpoints in the table but not documented")
                .isSubsetOf(documented);
        List<String> missing = documented.stream().filter(endpoint -> !EXPECTED.containsKey(endpoint)).toList();
        if (!missing.isEmpty()) {
            fail("endpoints without an expectation (add who may call them to EXPECTED): " + missing);
        }
    }

    @Test
    void every_endpoint_answers_each_caller_as_the_table_says() throws InterruptedException {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : documentedEndpoints()) {
            Set<Who> allowed = EXPECTED.get(endpoint);
            if (allowed == null) {
                wrong.add(endpoint + ": not in the expectation table");
                continue;
            }
            for (Who who : Who.values()) {
                String problem = allowed.contains(who) ? checkAllowed(endpoint, who) : checkRefused(endpoint, who, allowed);
                if (problem != null) {
                    wrong.add(endpoint + " as " + who + ": " + problem);
                }
            }
        }
        assertThat(wrong).as("endpoints answering against the table").isEmpty();
    }

    @Test
    void the_api_document_is_read_by_any_token_but_not_without_one() {
        for (Who who : EVERY_TOKEN) {
            Answer answer = api.as(token(who)).get("/v3/api-docs");
            assertThat(answer.status()).as(who + ": " + answer.raw().body()).isEqualTo(200);
        }
        assertUnauthenticated(api.as(null).get("/v3/api-docs"), "unauthenticated");
    }

    @Test
    void health_is_open_to_all() {
        assertThat(api.as(null).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void an_undocumented_path_is_refused_even_to_a_token_with_every_role() {
        String everything = TestTokens.of("everyone", LedgerRole.REGULATOR, LedgerRole.AUDITOR, LedgerRole.ADMIN);
        Answer answer = api.as(everything).get("/no/such/endpoint");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(403);
        assertThat(answer.body().get("rule").asText()).isEqualTo("forbidden");
    }

    // ---------------------------------------------------------------- acceptance

    @Test
    void a_merchant_token_reads_nothing_of_another_merchant_through_any_endpoint() {
        QueryApi other = api.as(TestTokens.merchant(OTHER));
        List<String> readable = new ArrayList<>();
        for (String endpoint : EXPECTED.keySet()) {
            if (!endpoint.startsWith("GET ")) {
                continue;
            }
            String path = pathFor(endpoint, OWN_MERCHANT) + QUERY.getOrDefault(endpoint, "");
            Answer answer = other.get(path);
            boolean refused = answer.status() == 403 || (answer.status() == 404 && rule(answer).equals("unknown-merchant"));
            if (!refused && !endpoint.equals("GET /stream/position")) {
                readable.add(path + " -> " + answer.status());
            }
            assertThat(answer.raw().body()).as(path).doesNotContain("Hangzhou Tea Co");
        }
        for (String path : List.of("/merchants", "/merchants?size=100", "/audit-trail?merchantId=" + M,
                "/history?stream=merchant/" + M, "/history?stream=" + enc("sale/" + M + "/S-1"),
                "/alerts?merchantId=" + M, "/alerts/" + alertId, "/export?merchantId=" + M, "/cases?merchantId=" + M,
                "/cases/" + caseId, "/networks/risk", "/audit-trail/events/" + eventId)) {
            Answer answer = other.get(path);
            if (answer.status() != 403 && !(answer.status() == 404 && rule(answer).equals("unknown-merchant"))) {
                readable.add(path + " -> " + answer.status());
            }
        }
        assertThat(readable).as("another merchant's data read with a merchant token").isEmpty();
        // and its own token still reads its own merchant
        assertThat(api.as(TestTokens.merchant(OTHER)).get("/merchants/" + OTHER).status()).isEqualTo(200);
    }

    @Test
    void a_merchant_token_on_another_merchants_path_is_answered_as_if_that_merchant_did_not_exist() {
        QueryApi other = api.as(TestTokens.merchant(OTHER));
        for (String endpoint : EXPECTED.keySet()) {
            if (!endpoint.startsWith("GET /merchants/{merchantId}") || !EXPECTED.get(endpoint).contains(OWN_MERCHANT)) {
                continue;
            }
            String existing = pathFor(endpoint, OWN_MERCHANT);
            String missing = existing.replace(M, NOBODY_KNOWN);
            Answer refused = other.get(existing);
            Answer neverThere = other.get(missing);
            Answer unknownToTheService = api.get(missing);

            assertThat(refused.status()).as(existing).isEqualTo(404);
            assertThat(refused.contentType()).as(existing).startsWith("application/problem+json");
            assertThat(rule(refused)).as(existing).isEqualTo("unknown-merchant");
            assertThat(sameApartFromTheId(refused)).as(existing + " and " + missing).isEqualTo(neverThere.body());
            assertThat(unknownToTheService.status()).as(missing).isEqualTo(404);
            assertThat(withoutInstance(sameApartFromTheId(refused)))
                    .as("%s as another merchant's token vs %s as the service answers it", existing, missing)
                    .isEqualTo(withoutInstance(unknownToTheService.body()));
        }
    }

    @Test
    void each_role_is_refused_what_is_not_its_own_and_nothing_is_recorded() {
        String regulatorJson = "{\"caseId\":\"CASE-access-refused-" + RUN + "\",\"merchantId\":\"" + M
                + "\",\"alertIds\":[\"" + alertId + "\"]}";
        QueryApi auditor = api.as(TestTokens.of(LedgerRole.AUDITOR));
        QueryApi admin = api.as(TestTokens.of(LedgerRole.ADMIN));
        QueryApi regulator = api.as(TestTokens.of(LedgerRole.REGULATOR));
        QueryApi merchant = api.as(TestTokens.merchant(M));

        assertForbiddenAndNothingRecorded(() -> auditor.send("POST", "/cases", regulatorJson));
        assertForbiddenAndNothingRecorded(() -> auditor.send("POST", "/cases/" + caseId + "/notes", "{\"text\":\"auditor\"}"));
        assertForbiddenAndNothingRecorded(() -> auditor.post("/cases/" + caseId + "/review"));
        assertForbiddenAndNothingRecorded(() -> auditor.send("POST", "/cases/" + caseId + "/escalation", "{\"reason\":\"r\"}"));
        assertForbiddenAndNothingRecorded(() -> admin.send("POST", "/cases", regulatorJson));
        assertForbiddenAndNothingRecorded(() -> merchant.send("POST", "/cases", regulatorJson));
        assertForbiddenAndNothingRecorded(() -> merchant.send("POST", "/cases/" + caseId + "/notes", "{\"text\":\"mine\"}"));
        assertForbiddenAndNothingRecorded(() -> admin.get("/merchants/" + M));
        assertForbiddenAndNothingRecorded(() -> admin.get("/merchants"));
        assertForbiddenAndNothingRecorded(() -> admin.get("/cases/" + caseId));
        assertForbiddenAndNothingRecorded(() -> merchant.get("/merchants/" + M + "/risk"));
        assertForbiddenAndNothingRecorded(() -> merchant.get("/cases?merchantId=" + M));
        assertForbiddenAndNothingRecorded(() -> regulator.get("/export?merchantId=" + M));
        assertForbiddenAndNothingRecorded(() -> regulator.post("/operations/read-models/rebuild"));
        assertForbiddenAndNothingRecorded(() -> auditor.post("/operations/dead-letters/" + processor + "/retry"));
        assertForbiddenAndNothingRecorded(() -> auditor.send("PUT", "/detection/shadow", "{\"ruleSetVersion\":1}"));

        // the case is as it was: opened, nothing else
        JsonNode timeline = api.ok("/cases/" + caseId).get("timeline");
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).get("by").asText()).isEqualTo("inspector-matrix");
    }

    // ---------------------------------------------------------------- bad credentials

    @Test
    void no_token_is_a_401_challenge_and_records_nothing() {
        assertRefusedCredentials(null, "unauthenticated");
    }

    @Test
    void an_expired_token_is_a_401_and_records_nothing() {
        String expired = LedgerTokens.mint(TestTokens.issuer().signingKey(), Grant.of("late", LedgerRole.REGULATOR),
                LedgerTokens.AUDIENCE, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertRefusedCredentials(expired, "invalid-token");
    }

    @Test
    void a_token_signed_by_another_key_is_a_401_and_records_nothing() {
        String forged = LedgerTokens.mint(LedgerTokens.newKeyPair().getPrivate(), Grant.of("forger", LedgerRole.REGULATOR),
                Duration.ofMinutes(5));
        assertRefusedCredentials(forged, "invalid-token");
    }

    @Test
    void a_token_for_another_audience_is_a_401_and_records_nothing() {
        String elsewhere = LedgerTokens.mint(TestTokens.issuer().signingKey(), Grant.of("tourist", LedgerRole.REGULATOR),
                "some-other-service", Instant.now(), Duration.ofMinutes(5));
        assertRefusedCredentials(elsewhere, "invalid-token");
    }

    @Test
    void a_malformed_token_is_a_401_and_records_nothing() {
        assertRefusedCredentials("not-a-jwt", "invalid-token");
        assertRefusedCredentials("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "invalid-token");
    }

    @Test
    void a_merchant_token_that_names_no_merchant_is_a_401_and_records_nothing() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", LedgerTokens.LOCAL_ISSUER);
        claims.put("sub", "merchant:unbound");
        claims.put("aud", LedgerTokens.AUDIENCE);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put(LedgerTokens.ROLES_CLAIM, List.of("merchant"));
        String unbound = signedByTheTestKey(claims);

        assertRefusedCredentials(unbound, "invalid-token");
        Answer onAMerchant = api.as(unbound).get("/merchants/" + M);
        assertThat(onAMerchant.status()).as(onAMerchant.raw().body()).isEqualTo(401);
        // the same claims with the merchant named are accepted: only the missing claim is refused
        claims.put(LedgerTokens.MERCHANT_CLAIM, M);
        assertThat(api.as(signedByTheTestKey(claims)).get("/merchants/" + M).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- who did what

    @Test
    void a_case_action_records_the_token_subject_as_who_acted_in_the_event_and_its_metadata() throws IOException {
        String merchantCase = "CASE-access-who-" + RUN;
        QueryApi li = api.as(TestTokens.of("inspector-li", LedgerRole.REGULATOR));
        QueryApi wang = api.as(TestTokens.of("inspector-wang", LedgerRole.REGULATOR));

        // a "by" in the body, as clients sent before tokens, is not believed: who acts is the token's subject
        Answer opened = li.send("POST", "/cases", "{\"caseId\":\"" + merchantCase + "\",\"merchantId\":\"" + M
                + "\",\"alertIds\":[\"" + raiseAlert(M) + "\"],\"by\":\"someone-else\"}");
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(201);
        Answer noted = wang.send("POST", "/cases/" + merchantCase + "/notes", "{\"text\":\"seen\"}");
        assertThat(noted.status()).as(noted.raw().body()).isEqualTo(200);
        long last = noted.body().get("position").asLong();

        JsonNode file = api.ok("/cases/" + merchantCase + "?minPosition=" + last);
        assertThat(file.get("openedBy").asText()).isEqualTo("inspector-li");
        JsonNode timeline = file.get("timeline");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).get("by").asText()).isEqualTo("inspector-li");
        assertThat(timeline.get(1).get("by").asText()).isEqualTo("inspector-wang");

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT event_identifier, payload, meta_data FROM "
                + "axon.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                StreamIds.caseFile(merchantCase));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("event_identifier")).isEqualTo(timeline.get(0).get("eventId").asText());
        JsonNode openedPayload = JSON.readTree((byte[]) rows.get(0).get("payload"));
        JsonNode openedMeta = JSON.readTree((byte[]) rows.get(0).get("meta_data"));
        JsonNode notedPayload = JSON.readTree((byte[]) rows.get(1).get("payload"));
        JsonNode notedMeta = JSON.readTree((byte[]) rows.get(1).get("meta_data"));
        assertThat(openedPayload.get("openedBy").asText()).isEqualTo("inspector-li");
        assertThat(openedMeta.get("actor").asText()).as("%s", openedMeta).isEqualTo("inspector-li");
        assertThat(openedMeta.get("actorRoles").asText()).as("%s", openedMeta).isEqualTo("regulator");
        assertThat(openedMeta.has("actorMerchant")).as("%s", openedMeta).isFalse();
        assertThat(notedPayload.get("author").asText()).isEqualTo("inspector-wang");
        assertThat(notedMeta.get("actor").asText()).as("%s", notedMeta).isEqualTo("inspector-wang");
        assertThat(notedMeta.get("actorRoles").asText()).as("%s", notedMeta).isEqualTo("regulator");
    }

    // ---------------------------------------------------------------- checks

    /** An allowed caller gets past access control: no 401, 403 or access-control 404, no 5xx. */
    private String checkAllowed(String endpoint, Who who) throws InterruptedException {
        Answer answer = call(endpoint, who);
        int status = answer.status();
        String said = status + " " + answer.raw().body();
        try {
            if (status == 401 || status == 403 || status >= 500) {
                return "allowed, but answered " + said;
            }
            if (status == 404 && endpoint.contains("{merchantId}") && "unknown-merchant".equals(rule(answer))) {
                return "allowed, but answered as if the merchant did not exist: " + said;
            }
            if (endpoint.equals("POST /operations/read-models/rebuild") && status != 202 && status != 409) {
                return "a rebuild of every read model answered " + said;
            }
            return null;
        } finally {
            if (endpoint.startsWith("POST /operations/read-models/")) {
                awaitReplays();
            }
            if (endpoint.equals("POST /operations/processors/pause")) {
                api.as(token(ADMIN)).post("/operations/processors/resume");
            }
        }
    }

    /**
     * A refused caller: 401 with a challenge without a token, the unknown-merchant 404 for a merchant
     * token on another merchant's path that its own merchant may read, 403 otherwise; nothing recorded.
     */
    private String checkRefused(String endpoint, Who who, Set<Who> allowed) throws InterruptedException {
        awaitDetectionSettled();
        long head = positions.head();
        Answer answer = call(endpoint, who);
        String said = answer.status() + " " + answer.contentType() + " " + answer.raw().headers().map() + " "
                + answer.raw().body();
        if (positions.head() != head) {
            return "refused, yet the event store moved from " + head + " to " + positions.head() + ": " + said;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "refused without a problem: " + said;
        }
        if (who == NOBODY) {
            boolean challenged = answer.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer");
            return answer.status() == 401 && challenged && "unauthenticated".equals(rule(answer)) ? null
                    : "expected a 401 unauthenticated with a Bearer challenge, got " + said;
        }
        if (who == OTHER_MERCHANT && allowed.contains(OWN_MERCHANT)) {
            return answer.status() == 404 && "unknown-merchant".equals(rule(answer))
                    && answer.body().path("detail").asText().equals("no merchant " + M) ? null
                    : "expected the unknown-merchant 404, got " + said;
        }
        return answer.status() == 403 && "forbidden".equals(rule(answer)) ? null : "expected a 403 forbidden, got " + said;
    }

    private Answer call(String endpoint, Who who) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = pathFor(endpoint, who) + QUERY.getOrDefault(endpoint, "");
        return api.as(token(who)).send(method, path, BODY.get(endpoint));
    }

    /**
     * The endpoint's path with real ids: the matrix's merchant, D-3 of its walk-through, its alert,
     * case and first event. Actions name a case, rule set or processor that does not exist, so that
     * an allowed caller changes nothing (the service answers 404 of its own).
     */
    private String pathFor(String endpoint, Who who) {
        boolean acts = !endpoint.startsWith("GET ");
        return endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{merchantId}", M)
                .replace("{distributorId}", "D-3")
                .replace("{alertId}", alertId)
                .replace("{eventId}", eventId)
                .replace("{caseId}", acts ? UNKNOWN_CASE : caseId)
                .replace("{version}", acts ? "999999" : "1")
                .replace("{processor}", acts && !endpoint.equals("POST /operations/dead-letters/{processor}/retry")
                        ? UNKNOWN_PROCESSOR : processor);
    }

    private static String token(Who who) {
        return switch (who) {
            case NOBODY -> null;
            case OWN_MERCHANT -> TestTokens.merchant(M);
            case OTHER_MERCHANT -> TestTokens.merchant(OTHER);
            case REGULATOR -> TestTokens.of(LedgerRole.REGULATOR);
            case AUDITOR -> TestTokens.of(LedgerRole.AUDITOR);
            case ADMIN -> TestTokens.of(LedgerRole.ADMIN);
        };
    }

    /** "METHOD /template" for every operation of the OpenAPI document. */
    private Set<String> documentedEndpoints() {
        JsonNode paths = api.ok("/v3/api-docs").get("paths");
        Set<String> endpoints = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                    endpoints.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        assertThat(endpoints).as("the OpenAPI document's operations").isNotEmpty();
        return endpoints;
    }

    private void assertForbiddenAndNothingRecorded(Supplier<Answer> request) {
        awaitDetectionSettled();
        long head = positions.head();
        Answer answer = request.get();
        assertThat(answer.status()).as(answer.raw().uri() + " " + answer.raw().body()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(rule(answer)).isEqualTo("forbidden");
        assertThat(answer.body().get("type").asText()).isEqualTo("urn:marketplace-ledger:problem:forbidden");
        assertThat(positions.head()).as("nothing recorded by " + answer.raw().uri()).isEqualTo(head);
    }

    /** Refused on a read and on a case action that a valid regulator token would record. */
    private void assertRefusedCredentials(String token, String expectedRule) {
        awaitDetectionSettled();
        long head = positions.head();
        QueryApi caller = api.as(token);
        List<Answer> answers = List.of(
                caller.get("/merchants/" + M),
                caller.get("/cases/" + caseId),
                caller.send("POST", "/cases/" + caseId + "/notes", "{\"text\":\"who am I\"}"),
                caller.send("POST", "/cases", "{\"merchantId\":\"" + M + "\",\"alertIds\":[\"" + alertId + "\"]}"));
        for (Answer answer : answers) {
            String said = answer.raw().request().method() + " " + answer.raw().uri() + " -> " + answer.status() + " "
                    + answer.raw().body();
            assertThat(answer.status()).as(said).isEqualTo(401);
            assertThat(answer.contentType()).as(said).startsWith("application/problem+json");
            assertThat(rule(answer)).as(said).isEqualTo(expectedRule);
            assertThat(answer.body().get("status").asInt()).as(said).isEqualTo(401);
            assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).as(said).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer"));
            if (token != null) {
                assertThat(answer.raw().headers().firstValue("WWW-Authenticate").orElseThrow()).as(said)
                        .contains("invalid_token");
            }
        }
        assertThat(positions.head()).as("nothing recorded").isEqualTo(head);
        assertThat(api.ok("/cases/" + caseId).get("timeline")).hasSize(1);
    }

    private static void assertUnauthenticated(Answer answer, String expectedRule) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(rule(answer)).isEqualTo(expectedRule);
        assertThat(answer.raw().headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    private void awaitReplays() throws InterruptedException {
        for (String replaying : rebuilds.replaying()) {
            rebuilds.awaitRebuilt(replaying, WAIT);
        }
        newHistory().awaitHead();
        awaitDetectionSettled();
    }

    private static String rule(Answer answer) {
        return answer.body() == null ? "" : answer.body().path("rule").asText();
    }

    /** The refusal's body with this test's merchant replaced by the one that does not exist. */
    private static JsonNode sameApartFromTheId(Answer refused) {
        try {
            return JSON.readTree(refused.raw().body().replace(M, NOBODY_KNOWN));
        } catch (IOException e) {
            throw new AssertionError(refused.raw().body(), e);
        }
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A JWT signed by the key the query side trusts, with claims that LedgerTokens.Grant would refuse. */
    private static String signedByTheTestKey(Map<String, Object> claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        try {
            String signingInput = url.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")))
                    + "." + url.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(TestTokens.issuer().signingKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** An alert as the detection engine raises it: the first event of its own stream. */
    private String raiseAlert(String merchant) {
        var merchantId = MerchantId.of(merchant);
        var alert = AlertId.of("A-" + UUID.randomUUID().toString().substring(0, 12));
        var raised = new AlertRaised(merchantId, alert, "CN-CRIMINAL-SCALE", 1, 1, Severity.CRITICAL,
                RuleCategory.PYRAMID_INDICATOR, null, null, LocalDate.parse("2026-03-31"),
                List.of(new Measurement("people", new BigDecimal("31"), "people", ">=", new BigDecimal("30"))),
                "rule.CN-CRIMINAL-SCALE.reason", Map.of("people", "31", "levels", "4"), List.of(), 0, Instant.parse("2026-04-01T00:00:00Z"));
        eventStore.publish(new GenericDomainEventMessage<>("Alert", StreamIds.alert(merchantId, alert.value()), 0, raised));
        newHistory().awaitProcessed(positions.lastPositionOf(StreamIds.alert(merchantId, alert.value())).orElseThrow());
        return alert.value();
    }
}
