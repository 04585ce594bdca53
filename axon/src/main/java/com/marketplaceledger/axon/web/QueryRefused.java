package com.marketplaceledger.axon.web;

import org.springframework.http.HttpStatus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A query the read side cannot answer as asked: an unknown id, a bad parameter, a read model
 * that has not caught up. Carries the HTTP status and the stable rule name of its problem, and
 * its detail as a text of the message bundles with the arguments it quotes: the problem's title
 * ({@code problem.<rule>.title}) and detail are written in the caller's language when answered.
 */
public class QueryRefused extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final String field;
    private final String detailKey;
    private final Map<String, String> arguments;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Integer retryAfterSeconds;

    /**
     * @param detail    which of the rule's details: its text is {@code problem.<rule>.detail.<detail>},
     *                  or {@code problem.<rule>.detail} for a rule that has one (null)
     * @param arguments what the detail quotes, by name; written as plain strings, as events hold figures
     */
    public QueryRefused(HttpStatus status, String rule, String field, String detail, Map<String, ?> arguments) {
        super(rule + (detail == null ? "" : " " + detail) + " " + arguments);
        this.status = status;
        this.rule = rule;
        this.field = field;
        this.detailKey = "problem." + rule + ".detail" + (detail == null ? "" : "." + detail);
        var quoted = new TreeMap<String, String>();
        arguments.forEach((name, value) -> quoted.put(name, String.valueOf(value)));
        this.arguments = Collections.unmodifiableMap(quoted);
    }

    /** An extra member of the problem, such as the positions a read model has reached. */
    public QueryRefused with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Asks the client to try again after this many seconds (a Retry-After header). */
    public QueryRefused retryAfter(int seconds) {
        retryAfterSeconds = seconds;
        return this;
    }

    /** No {@code kind} with this id: rule {@code unknown-<kind>}, whose detail quotes the id. */
    public static QueryRefused notFound(String kind, String id) {
        return new QueryRefused(HttpStatus.NOT_FOUND, "unknown-" + kind, kind + "Id", null, Map.of("id", id));
    }

    /**
     * A parameter the query side cannot take: rule {@code invalid-parameter}, whose detail
     * {@code why} quotes the field (as {@code field}) and the given arguments.
     */
    public static QueryRefused badParameter(String field, String why, Map<String, ?> arguments) {
        var quoted = new TreeMap<String, Object>(arguments);
        quoted.put("field", field);
        return new QueryRefused(HttpStatus.BAD_REQUEST, "invalid-parameter", field, why, quoted);
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public String detailKey() {
        return detailKey;
    }

    public Map<String, String> arguments() {
        return arguments;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
