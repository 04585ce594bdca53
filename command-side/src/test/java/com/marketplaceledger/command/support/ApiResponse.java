package com.marketplaceledger.command.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpHeaders;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** What the command side answered: status, headers and body, with JSON and problem+json accessors. */
public record ApiResponse(String method, String path, String requestBody, int status, HttpHeaders headers,
                          String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + this, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The media type of the body without parameters, e.g. {@code application/problem+json}. */
    public String mediaType() {
        return header("Content-Type").map(v -> v.split(";")[0].trim()).orElse("");
    }

    public String rule() {
        JsonNode rule = json().get("rule");
        return rule == null || rule.isNull() ? null : rule.asText();
    }

    public long position() {
        return json().get("position").asLong();
    }

    public String stream() {
        return json().get("stream").asText();
    }

    /**
     * The input fields a problem names: its {@code field} property and, for a command that broke
     * several constraints at once, the {@code field} of each entry of {@code errors}.
     */
    public Set<String> problemFields() {
        var fields = new LinkedHashSet<String>();
        JsonNode problem = json();
        if (problem.hasNonNull("field")) {
            fields.add(problem.get("field").asText());
        }
        for (JsonNode error : problem.path("errors")) {
            if (error.hasNonNull("field")) {
                fields.add(error.get("field").asText());
            }
        }
        return fields;
    }

    @Override
    public String toString() {
        return method + " " + path + (requestBody == null ? "" : " " + abbreviate(requestBody)) + " -> " + status
                + " " + header("Content-Type").orElse("") + " " + body;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
