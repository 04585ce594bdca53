package com.marketplaceledger.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** digest, export and verify --url against a stand-in of the query side (the JDK's HttpServer) answering as it does. */
class RestCommandsTest {

    private static final String DIGEST = "{\"position\":20,\"seal\":\"%s\",\"sealedAt\":\"2026-12-01T10:00:00Z\",\"eventsSealed\":18}";
    private static final String PROBLEM = "{\"type\":\"urn:marketplace-ledger:problem:invalid-parameter\",\"status\":400,"
            + "\"detail\":\"from: positions start at 1\",\"rule\":\"invalid-parameter\",\"field\":\"from\"}";

    @TempDir
    Path directory;

    private final List<String> chain = Chains.chain(20, Set.of(5L));
    /** What each path answers: status, content type, body. */
    private final Map<String, Object[]> answers = new ConcurrentHashMap<>();
    /** The last request to each path: its query or its body. */
    private final Map<String, String> asked = new ConcurrentHashMap<>();
    /** The last request to each path: its Authorization header ("none" without one). */
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    private String token;
    private Path tokenFile;
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        token = Tokens.auditor();
        tokenFile = Files.writeString(directory.resolve("auditor.jwt"), token + "\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        BearerToken.environment = System::getenv;
    }

    /** The command line with the test's token file, as ./ledger audit runs it with the one ./ledger up writes. */
    private Run rest(String... args) {
        String[] withToken = java.util.Arrays.copyOf(args, args.length + 2);
        withToken[args.length] = "--token-file";
        withToken[args.length + 1] = tokenFile.toString();
        return Run.of(withToken);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        asked.put(exchange.getRequestMethod() + " " + path, body.isEmpty() ? String.valueOf(exchange.getRequestURI().getRawQuery()) : body);
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        authorization.put(exchange.getRequestMethod() + " " + path, bearer == null ? "none" : bearer);
        Object[] answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                new Object[] {404, "application/problem+json", "{\"detail\":\"no such path\",\"rule\":\"not-found\"}"});
        byte[] bytes = ((String) answer[2]).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", (String) answer[1]);
        exchange.sendResponseHeaders((int) answer[0], bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void answers(String request, int status, String contentType, String body) {
        answers.put(request, new Object[] {status, contentType, body});
    }

    @Test
    void digest_prints_the_head_or_saves_it_for_a_later_verification() throws IOException {
        answers("GET /integrity/digest", 200, "application/json", DIGEST.formatted(Chains.sealOf(chain, 20)));

        Run printed = rest("digest", "--url", url);
        Path saved = directory.resolve("digest.json");
        Run kept = rest("digest", "--url", url, "--out", saved.toString());

        assertThat(printed.exitCode()).isZero();
        assertThat(authorization.get("GET /integrity/digest")).isEqualTo("Bearer " + token);
        assertThat(printed.out()).contains("\"position\" : 20", Chains.sealOf(chain, 20));
        assertThat(kept.out()).isEqualTo("digest at position 20 saved to " + saved + System.lineSeparator());
        Path export = Chains.file(directory, chain);
        assertThat(Run.of("verify", "--file", export.toString(), "--digest", saved.toString()).exitCode()).isZero();
    }

    @Test
    void export_streams_the_answer_to_a_file_that_verifies_offline() throws IOException {
        answers("GET /export", 200, "application/x-ndjson", String.join("\n", chain) + "\n");
        Path out = directory.resolve("export.ndjson");

        Run run = rest("export", "--url", url, "--out", out.toString(), "--from", "1", "--to", "20");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).startsWith("exported 20 lines to " + out + "; verify it with: auditor verify --file " + out);
        assertThat(asked.get("GET /export")).isEqualTo("from=1&to=20");
        assertThat(authorization.get("GET /export")).isEqualTo("Bearer " + token);
        assertThat(Files.readAllLines(out)).isEqualTo(chain);
        assertThat(Run.of("verify", "--file", out.toString()).exitCode()).isZero();
    }

    @Test
    void export_passes_an_entity_or_a_time_span_and_suggests_subset_verification() {
        answers("GET /export", 200, "application/x-ndjson", chain.get(3) + "\n" + chain.get(9) + "\n");
        Path out = directory.resolve("entity.ndjson");

        Run entity = rest("export", "--url", url, "--out", out.toString(), "--merchant", "M-hz 001", "--entity-type", "sale",
                "--entity-id", "S-1");
        assertThat(asked.get("GET /export")).isEqualTo("merchantId=M-hz+001&entityType=sale&entityId=S-1");
        Run time = rest("export", "--url", url, "--out", out.toString(), "--from-time", "2026-01-01T00:00:00Z",
                "--to-time", "2026-02-01T00:00:00Z");
        assertThat(asked.get("GET /export")).isEqualTo("fromTime=2026-01-01T00%3A00%3A00Z&toTime=2026-02-01T00%3A00%3A00Z");

        assertThat(entity.out()).contains("--subset");
        assertThat(time.out()).contains("--subset");
        assertThat(Run.of("verify", "--file", out.toString(), "--subset").exitCode()).isZero();
    }

    @Test
    void a_refused_export_says_why_exits_3_and_leaves_no_file() {
        answers("GET /export", 400, "application/problem+json", PROBLEM);
        Path out = directory.resolve("export.ndjson");

        Run run = rest("export", "--url", url, "--out", out.toString(), "--from", "0");

        assertThat(run.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(run.err()).contains("export: GET " + url + "/export?from=0 answered 400: from: positions start at 1 (invalid-parameter)");
        assertThat(out).doesNotExist();
    }

    @Test
    void verify_url_reports_the_stores_verdict_by_exit_code() {
        answers("GET /integrity/verification", 200, "application/json", "{\"verified\":true,\"from\":2,\"to\":20,\"checked\":19,"
                + "\"firstBrokenPosition\":null,\"problem\":null,\"detail\":\"positions 2 to 20 recompute to their stored seals\",\"sealHead\":20}");

        Run verified = rest("verify", "--url", url, "--from", "2");
        assertThat(verified.exitCode()).isZero();
        assertThat(verified.out()).startsWith("VERIFIED positions 2 to 20 in the store: positions 2 to 20 recompute");
        assertThat(asked.get("GET /integrity/verification")).isEqualTo("from=2");
        assertThat(authorization.get("GET /integrity/verification")).isEqualTo("Bearer " + token);

        answers("GET /integrity/verification", 200, "application/json", "{\"verified\":false,\"from\":1,\"to\":20,\"checked\":6,"
                + "\"firstBrokenPosition\":7,\"problem\":\"changed\",\"detail\":\"position 7 does not recompute to its seal\",\"sealHead\":20}");
        Run broken = rest("verify", "--url", url);
        assertThat(broken.exitCode()).isEqualTo(Auditor.BROKEN);
        assertThat(broken.out()).startsWith("BROKEN at position 7 (changed): position 7 does not recompute to its seal");
    }

    @Test
    void verify_url_with_a_digest_posts_it() {
        answers("POST /integrity/verification", 200, "application/json", "{\"verified\":true,\"from\":1,\"to\":12,\"checked\":12,"
                + "\"detail\":\"everything up to position 12 is as it was when the digest was taken; the chain has grown to 20\",\"sealHead\":20}");

        Run run = rest("verify", "--url", url, "--digest-position", "12", "--digest-seal", Chains.sealOf(chain, 12));

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("everything up to position 12 is as it was");
        assertThat(asked.get("POST /integrity/verification")).isEqualTo("{\"position\":12,\"seal\":\"" + Chains.sealOf(chain, 12) + "\"}");
        assertThat(authorization.get("POST /integrity/verification")).isEqualTo("Bearer " + token);
    }

    @Test
    void an_answer_without_a_verdict_or_an_unreachable_query_side_exits_3() {
        answers("GET /integrity/verification", 200, "application/json", "{\"status\":\"UP\"}");
        Run noVerdict = rest("verify", "--url", url);
        assertThat(noVerdict.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(noVerdict.err()).contains("does not say whether the chain is verified");

        server.stop(0);
        Run unreachable = rest("digest", "--url", url);
        assertThat(unreachable.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(unreachable.err()).isEqualTo("digest: cannot reach the query side at " + url
                + " (is it running? ./ledger status)" + System.lineSeparator());
    }

    @Test
    void a_missing_token_file_exits_3_naming_the_file_and_what_writes_it() {
        Path missing = directory.resolve("tokens/auditor.jwt");

        Run run = Run.of("digest", "--url", url, "--token-file", missing.toString());

        assertThat(run.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(run.err())
                .startsWith("digest: no token file at " + missing + ": ./ledger up writes the auditor's token to data/tokens/auditor.jwt")
                .contains("--token-file", "LEDGER_TOKEN");
        assertThat(authorization).as("nothing asked without a token").isEmpty();
    }

    @Test
    void without_token_options_the_default_file_is_read_and_its_absence_exits_3() {
        BearerToken.environment = name -> null;

        Run run = Run.of("verify", "--url", url);

        assertThat(run.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(run.err()).startsWith("verify: no token file at data/tokens/auditor.jwt: ./ledger up writes it");
        assertThat(authorization).isEmpty();
    }

    @Test
    void the_token_in_LEDGER_TOKEN_beats_the_default_file_but_not_an_explicit_token_file() {
        answers("GET /integrity/digest", 200, "application/json", DIGEST.formatted(Chains.sealOf(chain, 20)));
        BearerToken.environment = name -> switch (name) {
            case "LEDGER_TOKEN" -> " from.the.environment\n";
            case "LEDGER_TOKEN_FILE" -> directory.resolve("none.jwt").toString();
            default -> null;
        };

        assertThat(Run.of("digest", "--url", url).exitCode()).isZero();
        assertThat(authorization.get("GET /integrity/digest")).isEqualTo("Bearer from.the.environment");

        assertThat(rest("digest", "--url", url).exitCode()).isZero();
        assertThat(authorization.get("GET /integrity/digest")).isEqualTo("Bearer " + token);

        BearerToken.environment = name -> name.equals("LEDGER_TOKEN_FILE") ? tokenFile.toString() : null;
        assertThat(Run.of("digest", "--url", url).exitCode()).isZero();
        assertThat(authorization.get("GET /integrity/digest")).isEqualTo("Bearer " + token);
    }

    @Test
    void an_empty_token_file_exits_3() throws IOException {
        Path empty = Files.writeString(directory.resolve("empty.jwt"), "\n");

        Run run = Run.of("export", "--url", url, "--out", directory.resolve("x.ndjson").toString(), "--token-file", empty.toString());

        assertThat(run.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(run.err()).contains("the token file " + empty + " is empty");
        assertThat(authorization).isEmpty();
    }

    @Test
    void a_refused_token_exits_3_with_the_problems_detail_and_the_tokens_source() {
        answers("GET /integrity/digest", 401, "application/problem+json", "{\"type\":\"urn:marketplace-ledger:problem:invalid-token\","
                + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"the bearer token was refused: Jwt expired at "
                + "2026-12-01T09:00:00Z\",\"rule\":\"invalid-token\",\"instance\":\"/integrity/digest\"}");

        Run run = rest("digest", "--url", url);

        assertThat(run.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(run.err()).startsWith("digest: GET " + url + "/integrity/digest answered 401: the bearer token was refused: "
                        + "Jwt expired at 2026-12-01T09:00:00Z (invalid-token); the query side did not accept the token from "
                        + tokenFile)
                .contains("./ledger up writes fresh tokens");
        assertThat(authorization.get("GET /integrity/digest")).isEqualTo("Bearer " + token);
    }

    @Test
    void a_token_without_the_role_exits_3_with_the_problems_detail() {
        answers("GET /export", 403, "application/problem+json", "{\"status\":403,\"detail\":\"the token's roles (regulator) "
                + "do not allow GET /export\",\"rule\":\"forbidden\"}");
        Path out = directory.resolve("export.ndjson");

        Run run = rest("export", "--url", url, "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(run.err()).contains("answered 403: the token's roles (regulator) do not allow GET /export (forbidden); "
                + "the token from " + tokenFile + " does not allow this");
        assertThat(out).doesNotExist();
    }

    @Test
    void offline_verification_needs_no_token() {
        BearerToken.environment = name -> null;
        Path export = Chains.file(directory, chain);

        Run run = Run.of("verify", "--file", export.toString(), "--token-file", directory.resolve("none.jwt").toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(Run.of("verify", "--file", export.toString()).exitCode()).isZero();
    }
}
