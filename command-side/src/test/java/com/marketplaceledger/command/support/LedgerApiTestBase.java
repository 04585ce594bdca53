package com.marketplaceledger.command.support;

import com.marketplaceledger.command.CommandSideApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import com.marketplaceledger.shared.access.LedgerRole;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the REST integration tests: the whole command side on a random port, on the one
 * embedded PostgreSQL of this JVM. Every subclass has the same configuration, so Spring builds
 * the context once and shares it. Tests isolate themselves by using merchant ids of their own
 * ({@link #newMerchantId}); only whole-table checks (row counts) rely on tests running one at a time.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.io.zonky.test=WARN", "logging.level.org.flywaydb=WARN",
                // bulk imports split into transactions by lines only, whatever the machine's speed
                "ledger.import.transaction.lines=100", "ledger.import.transaction.time=10m",
                "ledger.import.max-lines=1500"})
public abstract class LedgerApiTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Pattern MERCHANT_PATH = Pattern.compile("^/merchants/([^/?]+)");
    private static final Pattern MERCHANT_IN_BODY = Pattern.compile("\"merchantId\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void ledgerDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
    }

    /** A merchant id no other test uses. */
    protected static String newMerchantId(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** An Idempotency-Key no other request uses (keys are global, not per merchant). */
    protected static String newIdempotencyKey() {
        return "key-" + UUID.randomUUID();
    }

    // --- HTTP ------------------------------------------------------------------------------------

    protected ApiResponse post(String path, String json) {
        return post(path, json, Map.of());
    }

    protected ApiResponse post(String path, String json, Map<String, String> headers) {
        var all = new LinkedHashMap<String, String>();
        all.put("Content-Type", "application/json");
        all.putAll(headers);
        return send("POST", path, json, all);
    }

    protected ApiResponse postWithKey(String path, String json, String idempotencyKey) {
        return post(path, json, Map.of("Idempotency-Key", idempotencyKey));
    }

    protected ApiResponse postNdjson(String merchantId, String ndjson) {
        return send("POST", "/merchants/" + merchantId + "/imports", ndjson,
                Map.of("Content-Type", "application/x-ndjson"));
    }

    protected ApiResponse get(String path) {
        return send("GET", path, null, Map.of("Accept", "application/json"));
    }

    protected ApiResponse send(String method, String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (!headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + tokenFor(path, body));
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

    /** The same request sent from as many threads at once; the answers in the order the requests were submitted. */
    protected static List<ApiResponse> concurrently(int threads, Supplier<ApiResponse> request) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<CompletableFuture<ApiResponse>>();
            for (int i = 0; i < threads; i++) {
                futures.add(CompletableFuture.supplyAsync(request, pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The token a test request goes with unless it sets its own: the merchant's whose path or
     * registration it is, an auditor's for anything else.
     */
    private static String tokenFor(String path, String body) {
        Matcher merchantPath = MERCHANT_PATH.matcher(path);
        if (merchantPath.find()) {
            return TestTokens.merchant(URLDecoder.decode(merchantPath.group(1), StandardCharsets.UTF_8));
        }
        Matcher registered = body == null ? null : MERCHANT_IN_BODY.matcher(body);
        if (registered != null && registered.find()) {
            return TestTokens.merchant(registered.group(1));
        }
        return TestTokens.of(LedgerRole.AUDITOR);
    }

    // --- assertions ------------------------------------------------------------------------------

    /** A command the ledger accepted: 2xx JSON with its stream and position. */
    protected static ApiResponse assertAccepted(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isBetween(200, 299);
        assertThat(response.mediaType()).as("%s", response).isEqualTo("application/json");
        assertThat(response.json().path("position").isIntegralNumber()).as("%s", response).isTrue();
        return response;
    }

    /**
     * An RFC 9457 problem: the status, application/problem+json, a {@code rule} and, when
     * {@code field} is given, that field named by the problem.
     */
    protected static ApiResponse assertProblem(ApiResponse response, int status, String rule, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.mediaType()).as("%s", response).isEqualTo("application/problem+json");
        assertThat(response.json().path("status").asInt()).as("%s", response).isEqualTo(status);
        assertThat(response.rule()).as("rule of %s", response).isEqualTo(rule);
        if (field != null) {
            assertThat(response.problemFields()).as("fields named by %s", response).contains(field);
        }
        return response;
    }

    /** Any client mistake: 4xx (never 5xx), problem+json, with a rule. */
    protected static ApiResponse assertClientProblem(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        assertThat(response.mediaType()).as("%s", response).isEqualTo("application/problem+json");
        assertThat(response.rule()).as("rule of %s", response).isNotBlank();
        return response;
    }

    /** Sends a request the ledger must refuse, and checks that the event table did not change. */
    protected static ApiResponse withoutRecording(Supplier<ApiResponse> request) {
        long count = EventTable.count();
        long head = EventTable.head();
        ApiResponse response = request.get();
        assertThat(EventTable.count()).as("stored events after %s", response).isEqualTo(count);
        assertThat(EventTable.head()).as("head of the event table after %s", response).isEqualTo(head);
        return response;
    }

    // --- a merchant's network, through the API ---------------------------------------------------

    /** The ids of a merchant set up as in the README walk-through, up to the sale. */
    public record Network(String merchantId, String listingId, String saleId) {

        public String merchant() {
            return "/merchants/" + merchantId;
        }

        public String sale() {
            return merchant() + "/sales/" + saleId;
        }
    }

    protected String registeredMerchant(String prefix) {
        String merchantId = newMerchantId(prefix);
        assertAccepted(post("/merchants", Requests.registerMerchant(merchantId)));
        return merchantId;
    }

    /**
     * A merchant with the two-level plan, listing L-tea (19900 CNY), distributors D-1 to D-3 in a
     * chain and sale S-1 (2 x L-tea by D-3 to an end customer).
     */
    protected Network networkWithSale(String prefix) {
        String merchantId = registeredMerchant(prefix);
        String merchant = "/merchants/" + merchantId;
        assertAccepted(post(merchant + "/plans", Requests.declarePlan()));
        assertAccepted(post(merchant + "/listings", Requests.publishListing("L-tea")));
        assertAccepted(post(merchant + "/distributors", Requests.enrol("D-1", null)));
        assertAccepted(post(merchant + "/distributors", Requests.enrol("D-2", "D-1")));
        assertAccepted(post(merchant + "/distributors", Requests.enrol("D-3", "D-2")));
        assertAccepted(post(merchant + "/sales", Requests.retailSale("S-1", "L-tea", "D-3")));
        return new Network(merchantId, "L-tea", "S-1");
    }
}
