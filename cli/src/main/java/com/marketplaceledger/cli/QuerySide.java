package com.marketplaceledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.LedgerJson;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests to the query side's REST API, each with {@code Authorization: Bearer <token>}; a refusal
 * becomes a {@link Auditor.Failure} naming its problem (and, for 401 and 403, the token's source).
 */
final class QuerySide {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    private final URI base;
    private final BearerToken.Token token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    QuerySide(URI base, BearerToken.Token token) {
        this.base = base;
        this.token = token;
    }

    /** The body of a GET that must succeed (2xx), parsed as JSON. */
    JsonNode json(String path, Map<String, Object> parameters) {
        try (InputStream body = stream(path, parameters)) {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new Auditor.Failure("the answer of " + uri(path, parameters) + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The answer of a POST of a JSON body that must succeed (2xx), parsed as JSON. */
    JsonNode post(String path, Object body) {
        URI uri = uri(path, Map.of());
        try {
            HttpRequest request = authorized(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            try (InputStream answer = send(request)) {
                return JSON.readTree(answer);
            }
        } catch (IOException e) {
            throw new Auditor.Failure("the answer of POST " + uri + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The body of a GET that must succeed (2xx), as a stream for the caller to close. */
    InputStream stream(String path, Map<String, Object> parameters) {
        return send(authorized(uri(path, parameters)).GET().build());
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token.value());
    }

    private InputStream send(HttpRequest request) {
        URI uri = request.uri();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException refused) {
            throw new Auditor.Failure("cannot reach the query side at " + base + " (is it running? ./ledger status)", refused);
        } catch (IOException e) {
            throw new Auditor.Failure(request.method() + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Auditor.Failure("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Auditor.Failure(request.method() + " " + uri + " answered " + response.statusCode() + problem(response)
                    + accessHint(response.statusCode()));
        }
        return response.body();
    }

    /** What a refusal by the query side's access rules means here. */
    private String accessHint(int status) {
        return switch (status) {
            case 401 -> "; the query side did not accept the " + token + " (expired, or signed by another key than the "
                    + "running ledger's? ./ledger up writes fresh tokens to data/tokens/)";
            case 403 -> "; the " + token + " does not allow this (auditor tokens read, verify, export and replay: "
                    + "data/tokens/auditor.jwt)";
            default -> "";
        };
    }

    /** The detail of an RFC 9457 problem, or the start of whatever else came back. */
    private static String problem(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
            try {
                JsonNode problem = JSON.readTree(text);
                if (problem != null && problem.hasNonNull("detail")) {
                    return ": " + problem.get("detail").asText()
                            + (problem.hasNonNull("rule") ? " (" + problem.get("rule").asText() + ")" : "");
                }
            } catch (IOException notJson) {
                // not a problem document: show the text itself
            }
            return text.isBlank() ? "" : ": " + text.strip();
        } catch (IOException e) {
            return "";
        }
    }

    private URI uri(String path, Map<String, Object> parameters) {
        String query = parameters.entrySet().stream()
                .filter(parameter -> parameter.getValue() != null)
                .map(parameter -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** Query parameters (or a JSON body) in the order given; null values are left out of a query. */
    static Map<String, Object> parameters(Object... namesAndValues) {
        var parameters = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
