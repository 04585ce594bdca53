package com.marketplaceledger.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.merchant.MerchantId;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Feeds scenarios to a running command side: registers the merchant (POST /merchants), then
 * sends its commands to the bulk import (POST /merchants/{id}/imports) as NDJSON, in chunks, while
 * they are generated. Any refused line stops the feed with that line's problem.
 *
 * <p>Every request carries {@code Authorization: Bearer <token>}, the token being the one that
 * {@code tokenForMerchant} answers for the scenario's merchant id: the command side lets a merchant
 * token record only for the one merchant it names, so each simulated merchant needs its own (for
 * the local ledger, {@code LedgerTokens.mint(key, Grant.merchant(id), lifetime)} with the key
 * {@code ./ledger up} keeps). It is asked once per scenario fed.
 */
public final class Feeder {

    public static final int CHUNK_LINES = 2_000;
    private static final ObjectMapper JSON = LedgerJson.objectMapper();
    /** A chunk is imported one command after another; generous, so a slow machine is not a failure. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

    private final String base;
    private final int chunkLines;
    private final Function<String, String> tokenForMerchant;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * @param commandSide      the command side's base URL, such as http://localhost:8080
     * @param tokenForMerchant the bearer token (a JWT, without "Bearer ") for a merchant id
     */
    public Feeder(URI commandSide, Function<String, String> tokenForMerchant) {
        this(commandSide, tokenForMerchant, CHUNK_LINES);
    }

    public Feeder(URI commandSide, Function<String, String> tokenForMerchant, int chunkLines) {
        if (chunkLines < 1) {
            throw new IllegalArgumentException("chunks need at least one line");
        }
        this.base = commandSide.toString().replaceAll("/+$", "");
        this.tokenForMerchant = Objects.requireNonNull(tokenForMerchant, "tokenForMerchant");
        this.chunkLines = chunkLines;
    }

    /** Generates the scenario and feeds it; answers its ground truth and the last position recorded. */
    public FeedResult feed(Scenario scenario) {
        var feed = new Feed(scenario.merchantId());
        feed.register(scenario);
        GroundTruth truth = scenario.generate(command -> feed.add(Ndjson.line(command)));
        feed.flush();
        return new FeedResult(truth, feed.lastPosition);
    }

    /** One scenario's feed: the chunk being filled and what the answers said so far. */
    private final class Feed {

        private final MerchantId merchant;
        private final String token;
        private final List<String> chunk = new ArrayList<>();
        private long sent;
        private long lastPosition;

        Feed(MerchantId merchant) {
            this.merchant = merchant;
            String token = tokenForMerchant.apply(merchant.value());
            if (token == null || token.isBlank()) {
                throw new FeedException("no token for merchant " + merchant);
            }
            this.token = token.strip();
        }

        void register(Scenario scenario) {
            HttpResponse<String> answer = post("/merchants", "application/json",
                    JSON.valueToTree(scenario.registration()).toString(), Duration.ofMinutes(1));
            JsonNode body = parse(answer);
            if (answer.statusCode() / 100 != 2) {
                throw new FeedException("registering merchant " + merchant + " was refused: " + problem(answer, body)
                        + accessHint(answer));
            }
            lastPosition = body.path("position").asLong();
        }

        void add(String line) {
            chunk.add(line);
            if (chunk.size() == chunkLines) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            HttpResponse<String> answer = post("/merchants/" + merchant + "/imports", "application/x-ndjson",
                    String.join("\n", chunk) + "\n", IMPORT_TIMEOUT);
            JsonNode body = parse(answer);
            if (answer.statusCode() != 200) {
                throw new FeedException(refusal(answer, body));
            }
            for (JsonNode line : body.path("lines")) {
                lastPosition = Math.max(lastPosition, line.path("position").asLong());
            }
            sent += chunk.size();
            chunk.clear();
        }

        /** Names the first refused line: its number among the merchant's commands, its problem and the line itself. */
        private String refusal(HttpResponse<String> answer, JsonNode body) {
            for (JsonNode line : body.path("lines")) {
                if ("rejected".equals(line.path("status").asText())) {
                    int number = line.path("line").asInt();
                    String text = number >= 1 && number <= chunk.size() ? chunk.get(number - 1) : "?";
                    return "command " + (sent + number) + " of merchant " + merchant + " was rejected ("
                            + body.path("rejected").asInt() + " of " + chunk.size() + " in its chunk): "
                            + problem(line.path("problem")) + "\n  " + text;
                }
            }
            return "importing commands " + (sent + 1) + " to " + (sent + chunk.size()) + " of merchant " + merchant
                    + " failed: " + problem(answer, body) + accessHint(answer);
        }

        /** What a refusal of the whole request by the command side's access rules means here. */
        private String accessHint(HttpResponse<String> answer) {
            return switch (answer.statusCode()) {
                case 401 -> "\n  the command side did not accept the token for merchant " + merchant
                        + ": was it signed with the key the running ledger trusts (./ledger up keeps it at "
                        + "data/keys/signing-key.pem), and is it still valid?";
                case 403 -> "\n  the token for merchant " + merchant + " may not do this: the command side takes "
                        + "commands only from a merchant token for that very merchant";
                case 404 -> "\n  the command side does not know merchant " + merchant + " for this token: a merchant "
                        + "token records only for the merchant it names";
                default -> "";
            };
        }

        private HttpResponse<String> post(String path, String contentType, String body, Duration timeout) {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .header("Content-Type", contentType)
                    .header("Accept", "application/json, application/problem+json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new FeedException("cannot reach the command side at " + base + " (" + e + "); is it running?", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FeedException("interrupted while feeding merchant " + merchant, e);
            }
        }
    }

    private static JsonNode parse(HttpResponse<String> answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body == null ? JSON.missingNode() : body;
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    private static String problem(HttpResponse<String> answer, JsonNode body) {
        return body.isMissingNode() ? "HTTP " + answer.statusCode() + " " + answer.body() : problem(body);
    }

    /** An RFC 9457 problem in one line: status, rule, field and detail. */
    private static String problem(JsonNode problem) {
        String field = problem.path("field").asText("");
        return "HTTP " + problem.path("status").asText("?") + " " + problem.path("rule").asText("")
                + (field.isEmpty() ? "" : " (" + field + ")") + ": " + problem.path("detail").asText("");
    }
}
