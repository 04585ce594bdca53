package com.marketplaceledger.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP requests against the query side. */
public final class QueryApi {

    public record Answer(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;
    private final String acceptLanguage;

    /** With {@link TestTokens#officer()}'s token. */
    public QueryApi(int port) {
        this(port, TestTokens.officer());
    }

    /** With this bearer token, or none if null. */
    public QueryApi(int port, String token) {
        this(port, token, null);
    }

    private QueryApi(int port, String token, String acceptLanguage) {
        this.base = "http://localhost:" + port;
        this.token = token;
        this.acceptLanguage = acceptLanguage;
    }

    /** The same API asked with another token (null: none). */
    public QueryApi as(String otherToken) {
        return new QueryApi(port(), otherToken, acceptLanguage);
    }

    /** The same API asked with this Accept-Language header. */
    public QueryApi accepting(String languages) {
        return new QueryApi(port(), token, languages);
    }

    private int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path) {
        return send("POST", path, null);
    }

    /** A request with an optional JSON body. */
    public Answer send(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET that must answer 200; returns the body. */
    public JsonNode ok(String path) {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.raw().body());
        }
        return answer.body();
    }
}
