package com.marketplaceledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.command.support.ApiResponse;
import com.marketplaceledger.command.support.EventTable;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.Requests;
import com.marketplaceledger.command.support.TestDatabase;
import com.marketplaceledger.command.support.TestTokens;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what on the merchant API: only merchants record, each only for itself; every other
 * caller, and every caller without a valid token, is refused before anything is recorded.
 */
class AccessControlIntegrationTest extends LedgerApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String NDJSON = "application/x-ndjson";

    /** The callers of the matrix. */
    enum Who { NO_TOKEN, OWN_MERCHANT, OTHER_MERCHANT, REGULATOR, AUDITOR, ADMIN }

    private static final Set<Who> ONLY_OWN_MERCHANT = EnumSet.of(Who.OWN_MERCHANT);

    /**
     * Every endpoint of the merchant API ("METHOD path-template") and the callers allowed to use it.
     * A new endpoint in the OpenAPI document fails the matrix until it is added here.
     */
    private static final Map<String, Set<Who>> ALLOWED = Map.ofEntries(
            entry("POST /merchants", EnumSet.of(Who.OWN_MERCHANT, Who.OTHER_MERCHANT)),
            entry("POST /merchants/{merchantId}/plans", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/listings", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/listings/{listingId}/reprice", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/listings/{listingId}/withdraw", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/distributors", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/sales", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/sales/{saleId}/refunds", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/sales/{saleId}/refunds/{refundId}/issue", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/sales/{saleId}/refunds/{refundId}/refuse", ONLY_OWN_MERCHANT),
            entry("POST /merchants/{merchantId}/imports", ONLY_OWN_MERCHANT));

    /** A valid command for one write endpoint of a merchant set up by {@link #victim}. */
    private record Write(String endpoint, String tail, String body, String contentType) {

        String path(String merchantId) {
            return "/merchants/" + merchantId + tail;
        }
    }

    /** In an order in which all of them are accepted, one after the other, for the merchant's own token. */
    private static final List<Write> WRITES = List.of(
            new Write("POST /merchants/{merchantId}/listings", "/listings", Requests.publishListing("L-2"), null),
            new Write("POST /merchants/{merchantId}/distributors", "/distributors", Requests.enrol("D-4", "D-3"), null),
            new Write("POST /merchants/{merchantId}/sales", "/sales", Requests.retailSale("S-2", "L-tea", "D-3"), null),
            new Write("POST /merchants/{merchantId}/sales/{saleId}/refunds", "/sales/S-1/refunds",
                    Requests.requestRefund("R-c", 1000), null),
            new Write("POST /merchants/{merchantId}/sales/{saleId}/refunds/{refundId}/issue", "/sales/S-1/refunds/R-a/issue",
                    Requests.issueRefund(), null),
            new Write("POST /merchants/{merchantId}/sales/{saleId}/refunds/{refundId}/refuse", "/sales/S-1/refunds/R-b/refuse",
                    Requests.refuseRefund(), null),
            new Write("POST /merchants/{merchantId}/listings/{listingId}/reprice", "/listings/L-tea/reprice",
                    Requests.reprice(20900), null),
            new Write("POST /merchants/{merchantId}/listings/{listingId}/withdraw", "/listings/L-tea/withdraw",
                    Requests.withdraw(), null),
            new Write("POST /merchants/{merchantId}/plans", "/plans",
                    Requests.declarePlan(Requests.TWO_LEVEL_PLAN, "2026-01-20T00:00:00Z"), null),
            new Write("POST /merchants/{merchantId}/imports", "/imports", """
                    {"type":"EnrolDistributor","distributorId":"D-9","sponsorId":"D-3","occurredAt":"2026-01-03T00:00:00Z"}
                    """, NDJSON));

    // --- the matrix --------------------------------------------------------------------------------

    @Test
    void everyEndpointOfTheOpenApiDocumentAdmitsExactlyTheCallersOfTheAccessTable() {
        Network network = networkWithSale("M-acl-matrix");
        String other = registeredMerchant("M-acl-matrix-other");
        Map<String, String> pathValues = Map.of("merchantId", network.merchantId(), "listingId", network.listingId(),
                "saleId", network.saleId(), "refundId", "R-matrix");

        Set<String> documented = documentedEndpoints();
        assertThat(ALLOWED.keySet()).as("the access table must name every documented endpoint, and only those")
                .containsExactlyInAnyOrderElementsOf(documented);

        var softly = new SoftAssertions();
        int requests = 0;
        for (String endpoint : documented) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            String path = expand(template, pathValues);
            String body = "GET".equals(method) || "DELETE".equals(method) ? null : "{}";
            for (Who who : Who.values()) {
                String authorization = authorization(who, network.merchantId(), other);
                requests++;
                if (ALLOWED.get(endpoint).contains(who)) {
                    ApiResponse response = withoutRecording(() -> raw(method, path, body, "application/json", authorization));
                    softly.assertThat(response.status()).as("%s for %s", response, who)
                            .isNotIn(401, 403).isLessThan(500);
                    softly.assertThat(response.status() == 404 && "unknown-merchant".equals(response.rule()))
                            .as("%s for %s must reach the controller", response, who).isFalse();
                } else {
                    ApiResponse response = withoutRecording(() -> raw(method, path, body, "application/json", authorization));
                    expectRefusal(softly, response, who, template.contains("{merchantId}"));
                }
            }
        }
        softly.assertAll();
        assertThat(requests).isEqualTo(documented.size() * Who.values().length);
    }

    private static void expectRefusal(SoftAssertions softly, ApiResponse response, Who who, boolean merchantPath) {
        String as = response + " for " + who;
        softly.assertThat(response.mediaType()).as(as).isEqualTo("application/problem+json");
        switch (who) {
            case NO_TOKEN -> {
                softly.assertThat(response.status()).as(as).isEqualTo(401);
                softly.assertThat(response.rule()).as(as).isEqualTo("unauthenticated");
                softly.assertThat(response.header("WWW-Authenticate")).as(as).hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer"));
            }
            case OTHER_MERCHANT -> {
                softly.assertThat(merchantPath).as("%s: another merchant's token is refused only on merchant paths", as)
                        .isTrue();
                softly.assertThat(response.status()).as(as).isEqualTo(404);
                softly.assertThat(response.rule()).as(as).isEqualTo("unknown-merchant");
                softly.assertThat(response.json().path("field").asText()).as(as).isEqualTo("merchantId");
            }
            default -> {
                softly.assertThat(response.status()).as(as).isEqualTo(403);
                softly.assertThat(response.rule()).as(as).isEqualTo("forbidden");
            }
        }
        softly.assertThat(response.json().path("status").asInt()).as(as).isEqualTo(response.status());
    }

    @Test
    void theOpenApiDocumentNeedsATokenOfAnyRoleAndHealthIsOpen() {
        ApiResponse anonymous = withoutRecording(() -> raw("GET", "/v3/api-docs", null, null, null));
        assertProblem(anonymous, 401, "unauthenticated", null);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));

        List<String> tokens = new ArrayList<>(List.of(TestTokens.merchant(newMerchantId("M-acl-docs"))));
        for (LedgerRole role : List.of(LedgerRole.REGULATOR, LedgerRole.AUDITOR, LedgerRole.ADMIN)) {
            tokens.add(TestTokens.of(role));
        }
        for (String token : tokens) {
            ApiResponse docs = raw("GET", "/v3/api-docs", null, null, "Bearer " + token);
            assertThat(docs.status()).as("%s", docs).isEqualTo(200);
            assertThat(docs.json().path("paths").has("/merchants")).as("%s", docs).isTrue();
        }

        ApiResponse health = raw("GET", "/actuator/health", null, null, null);
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        assertThat(health.json().path("status").asText()).as("%s", health).isEqualTo("UP");
    }

    // --- one merchant, another merchant's data ----------------------------------------------------

    @Test
    void aMerchantTokenCannotWriteAnotherMerchantsDataAndHearsThatMerchantDoesNotExist() {
        String victim = victim("M-acl-victim");
        String intruder = registeredMerchant("M-acl-intruder");
        String ghost = newMerchantId("M-acl-ghost");
        String intruderToken = "Bearer " + TestTokens.merchant(intruder);
        assertThat(WRITES).extracting(Write::endpoint).containsExactlyInAnyOrderElementsOf(
                documentedEndpoints().stream().filter(endpoint -> endpoint.contains("{merchantId}")).toList());

        for (Write write : WRITES) {
            ApiResponse intoVictim = withoutRecording(() -> raw("POST", write.path(victim), write.body(),
                    write.contentType(), intruderToken));
            ApiResponse intoGhost = withoutRecording(() -> raw("POST", write.path(ghost), write.body(),
                    write.contentType(), intruderToken));
            ApiResponse ghostItself = withoutRecording(() -> raw("POST", write.path(ghost), write.body(),
                    write.contentType(), "Bearer " + TestTokens.merchant(ghost)));

            assertProblem(intoVictim, 404, "unknown-merchant", "merchantId");
            assertThat(intoVictim.json().path("detail").asText()).as("%s", intoVictim).contains(victim);
            // whether the other merchant exists or not, the answer is the same
            assertThat(withoutId(intoVictim, victim)).as("%s vs %s", intoVictim, intoGhost)
                    .isEqualTo(withoutId(intoGhost, ghost));
            if (NDJSON.equals(write.contentType())) {
                // an import answers line by line: an unknown merchant's line has the same problem
                assertProblem(ghostItself, 422, "import-lines-rejected", null);
                JsonNode lineProblem = ghostItself.json().path("lines").path(0).path("problem");
                ObjectNode securityProblem = withoutId(intoVictim, victim).deepCopy();
                securityProblem.remove("instance");
                assertThat(replaced(lineProblem, ghost)).as("%s vs %s", intoVictim, ghostItself)
                        .isEqualTo(securityProblem);
            } else {
                assertThat(withoutId(intoVictim, victim)).as("%s vs %s", intoVictim, ghostItself)
                        .isEqualTo(withoutId(ghostItself, ghost));
                assertThat(intoVictim.mediaType()).isEqualTo(ghostItself.mediaType());
            }
        }
        assertThat(EventTable.ofMerchant(ghost)).isEmpty();

        // the same commands are valid: the victim's own token records every one of them
        for (Write write : WRITES) {
            ApiResponse own = raw("POST", write.path(victim), write.body(), write.contentType(),
                    "Bearer " + TestTokens.merchant(victim));
            assertThat(own.status()).as("%s", own).isBetween(200, 299);
        }
    }

    @Test
    void aMerchantTokenCannotRegisterAnotherMerchantIdWhetherItExistsOrNot() {
        String existing = registeredMerchant("M-acl-existing");
        String intruder = registeredMerchant("M-acl-registrar");
        String ghost = newMerchantId("M-acl-unborn");
        Map<String, String> intruderToken = Map.of("Authorization", "Bearer " + TestTokens.merchant(intruder));

        ApiResponse overExisting = withoutRecording(() -> post("/merchants", Requests.registerMerchant(existing), intruderToken));
        assertProblem(overExisting, 403, "other-merchant", "merchantId");

        ApiResponse asGhost = withoutRecording(() -> post("/merchants", Requests.registerMerchant(ghost), intruderToken));
        assertProblem(asGhost, 403, "other-merchant", "merchantId");
        assertThat(EventTable.ofMerchant(ghost)).isEmpty();
        // the answer does not tell whether the other merchant exists
        assertThat(withoutId(overExisting, existing)).isEqualTo(withoutId(asGhost, ghost));

        // the ghost itself may still register
        assertAccepted(post("/merchants", Requests.registerMerchant(ghost)));
    }

    // --- regulators, auditors and admins record nothing -------------------------------------------

    @Test
    void regulatorAuditorAndAdminTokensCannotRecordAnythingOnTheMerchantApi() {
        String merchant = victim("M-acl-roles");
        String unborn = newMerchantId("M-acl-roles-new");
        for (LedgerRole role : List.of(LedgerRole.REGULATOR, LedgerRole.AUDITOR, LedgerRole.ADMIN)) {
            String token = "Bearer " + TestTokens.of(role);
            ApiResponse register = withoutRecording(() -> raw("POST", "/merchants", Requests.registerMerchant(unborn),
                    null, token));
            assertProblem(register, 403, "forbidden", null);
            assertThat(register.json().path("detail").asText()).as("%s", register).contains(role.claimValue());
            for (Write write : WRITES) {
                ApiResponse refused = withoutRecording(() -> raw("POST", write.path(merchant), write.body(),
                        write.contentType(), token));
                assertProblem(refused, 403, "forbidden", null);
            }
        }
        // a token with every role but the merchant one is refused as well
        String allButMerchant = "Bearer " + TestTokens.issuer().mint(
                Grant.of("staff", LedgerRole.REGULATOR, LedgerRole.AUDITOR, LedgerRole.ADMIN));
        assertProblem(withoutRecording(() -> raw("POST", WRITES.get(2).path(merchant), WRITES.get(2).body(), null,
                allButMerchant)), 403, "forbidden", null);
        assertThat(EventTable.ofMerchant(unborn)).isEmpty();

        // the bodies were valid: the merchant itself records them
        assertAccepted(post("/merchants", Requests.registerMerchant(unborn)));
        for (Write write : WRITES) {
            ApiResponse own = raw("POST", write.path(merchant), write.body(), write.contentType(),
                    "Bearer " + TestTokens.merchant(merchant));
            assertThat(own.status()).as("%s", own).isBetween(200, 299);
        }
    }

    // --- bad credentials -------------------------------------------------------------------------

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        String merchant = registeredMerchant("M-acl-none");
        assertUnauthorized(sale(merchant, null), "unauthenticated");
    }

    @Test
    void aBearerTokenSentAgainIsAnsweredFromTheTokensAlreadyVerified(@Autowired JwtDecoder decoder) {
        String token = TestTokens.merchant("M-acl-again");

        assertThat(decoder.decode(token)).isSameAs(decoder.decode(token));
    }

    @Test
    void requestsAreObservedButSpringSecurityInsideThemIsNot(@Autowired ObservationRegistry observations) {
        assertThat(Observation.start("http.server.requests", observations).isNoop()).isFalse();
        assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String merchant = registeredMerchant("M-acl-expired");
        String token = LedgerTokens.mint(TestTokens.issuer().signingKey(), Grant.merchant(merchant), LedgerTokens.AUDIENCE,
                Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
        assertUnauthorized(sale(merchant, "Bearer " + token), "invalid-token");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String merchant = registeredMerchant("M-acl-forged");
        String token = LedgerTokens.mint(LedgerTokens.newKeyPair().getPrivate(), Grant.merchant(merchant), Duration.ofHours(1));
        assertUnauthorized(sale(merchant, "Bearer " + token), "invalid-token");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String merchant = registeredMerchant("M-acl-audience");
        String token = LedgerTokens.mint(TestTokens.issuer().signingKey(), Grant.merchant(merchant), "another-service",
                Instant.now(), Duration.ofHours(1));
        assertUnauthorized(sale(merchant, "Bearer " + token), "invalid-token");
    }

    @Test
    void aMalformedTokenIsRefused() {
        String merchant = registeredMerchant("M-acl-malformed");
        assertUnauthorized(sale(merchant, "Bearer abc"), "invalid-token");
    }

    @Test
    void aMerchantTokenWithoutItsMerchantIdIsRefused() {
        String merchant = registeredMerchant("M-acl-nameless");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", LedgerTokens.LOCAL_ISSUER);
        claims.put("sub", "merchant:" + merchant);
        claims.put("aud", LedgerTokens.AUDIENCE);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        claims.put(LedgerTokens.ROLES_CLAIM, List.of(LedgerRole.MERCHANT.claimValue()));
        String token = signed(TestTokens.issuer().signingKey(), claims);
        ApiResponse refused = assertUnauthorized(sale(merchant, "Bearer " + token), "invalid-token");
        assertThat(refused.json().path("detail").asText()).contains(LedgerTokens.MERCHANT_CLAIM);
    }

    @Test
    void aCredentialOtherThanABearerTokenIsUnauthenticated() {
        String merchant = registeredMerchant("M-acl-basic");
        String basic = "Basic " + Base64.getEncoder().encodeToString((merchant + ":secret").getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(sale(merchant, basic), "unauthenticated");
    }

    /** A valid sale for the merchant, sent with the given Authorization header (none for null). */
    private ApiResponse sale(String merchantId, String authorization) {
        assertAccepted(post("/merchants/" + merchantId + "/listings", Requests.publishListing("L-1")));
        assertAccepted(post("/merchants/" + merchantId + "/distributors", Requests.enrol("D-1", null)));
        ApiResponse response = withoutRecording(() -> raw("POST", "/merchants/" + merchantId + "/sales",
                Requests.retailSale("S-1", "L-1", "D-1"), null, authorization));
        assertThat(EventTable.ofStream("sale/" + merchantId + "/S-1")).isEmpty();
        // the same sale with the merchant's own valid token is recorded
        assertAccepted(post("/merchants/" + merchantId + "/sales", Requests.retailSale("S-1", "L-1", "D-1")));
        return response;
    }

    private static ApiResponse assertUnauthorized(ApiResponse response, String rule) {
        assertProblem(response, 401, rule, null);
        assertThat(response.header("WWW-Authenticate")).as("%s", response)
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        if ("invalid-token".equals(rule)) {
            assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
        }
        return response;
    }

    // --- who did what ------------------------------------------------------------------------------

    @Test
    void aPathTheFirewallRefusesIsAProblemAndRecordsNothing() {
        Network network = networkWithSale("M-acl-fw");

        ApiResponse refused = withoutRecording(() -> post(network.merchant() + "/./sales",
                Requests.retailSale("S-9", "L-tea", "D-3")));

        assertProblem(refused, 400, "rejected-request", null);
    }

    @Test
    void everyEventAMerchantRecordsNamesThatMerchantAsItsActor() throws SQLException {
        Network network = networkWithSale("M-acl-actor");
        long head = EventTable.head();
        assertAccepted(post(network.merchant() + "/sales", Requests.retailSale("S-2", "L-tea", "D-3")));

        List<String> types = new ArrayList<>();
        try (Connection connection = TestDatabase.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT payload_type, meta_data FROM " + EventTable.TABLE
                             + " WHERE global_index > ? AND split_part(aggregate_identifier, '/', 2) = ? ORDER BY global_index")) {
            statement.setLong(1, head);
            statement.setString(2, network.merchantId());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    types.add(type.substring(type.lastIndexOf('.') + 1));
                    JsonNode metaData = JSON.readTree(new String(rows.getBytes(2), StandardCharsets.UTF_8));
                    assertThat(metaData.path("actor").asText()).as("%s %s", type, metaData)
                            .isEqualTo("merchant:" + network.merchantId());
                    assertThat(metaData.path("actorRoles").asText()).as("%s %s", type, metaData).isEqualTo("merchant");
                    assertThat(metaData.path("actorMerchant").asText()).as("%s %s", type, metaData)
                            .isEqualTo(network.merchantId());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("event metadata is not JSON", e);
        }
        assertThat(types).contains("SaleRecorded");
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** A merchant with the walk-through's network and two open refund requests R-a and R-b on sale S-1. */
    private String victim(String prefix) {
        Network network = networkWithSale(prefix);
        assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-a", 1000)));
        assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-b", 1000)));
        return network.merchantId();
    }

    /** "METHOD path" of every operation in the OpenAPI document. */
    private Set<String> documentedEndpoints() {
        ApiResponse docs = raw("GET", "/v3/api-docs", null, null, "Bearer " + TestTokens.of(LedgerRole.AUDITOR));
        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        Set<String> endpoints = new TreeSet<>();
        docs.json().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String method = operation.getKey().toUpperCase(Locale.ROOT);
            if (Set.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE").contains(method)) {
                endpoints.add(method + " " + path.getKey());
            }
        }));
        assertThat(endpoints).as("operations in the OpenAPI document").isNotEmpty();
        return endpoints;
    }

    private static String expand(String template, Map<String, String> values) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = values.get(variable.group(1));
            assertThat(value).as("a value for {%s} in %s", variable.group(1), template).isNotNull();
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(path).toString();
    }

    private static String authorization(Who who, String own, String other) {
        return switch (who) {
            case NO_TOKEN -> null;
            case OWN_MERCHANT -> "Bearer " + TestTokens.merchant(own);
            case OTHER_MERCHANT -> "Bearer " + TestTokens.merchant(other);
            case REGULATOR -> "Bearer " + TestTokens.of(LedgerRole.REGULATOR);
            case AUDITOR -> "Bearer " + TestTokens.of(LedgerRole.AUDITOR);
            case ADMIN -> "Bearer " + TestTokens.of(LedgerRole.ADMIN);
        };
    }

    /** The answer's JSON with the merchant id written as {id}, so that two answers can be compared. */
    private static ObjectNode withoutId(ApiResponse response, String merchantId) {
        return (ObjectNode) replaced(response.json(), merchantId);
    }

    private static JsonNode replaced(JsonNode json, String merchantId) {
        try {
            return JSON.readTree(JSON.writeValueAsString(json).replace(merchantId, "{id}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request exactly as given: no token unless {@code authorization} is set. */
    private ApiResponse raw(String method, String path, String body, String contentType, String authorization) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        request.header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(method, path, body, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    /** An RS256 JWT with exactly these claims, for tokens {@link LedgerTokens} will not make. */
    private static String signed(PrivateKey key, Map<String, Object> claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        try {
            String signingInput = url.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")))
                    + "." + url.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
