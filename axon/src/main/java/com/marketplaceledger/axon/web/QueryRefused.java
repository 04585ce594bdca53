package com.marketplaceledger.axon.web;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query the read side cannot answer as asked: an unknown id, a bad parameter, a read model
 * that has not caught up. Carries the HTTP status and the stable rule name of its problem.
 */
public class QueryRefused extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final String field;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Integer retryAfterSeconds;

    public QueryRefused(HttpStatus status, String rule, String field, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.field = field;
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

    public static QueryRefused notFound(String kind, String id) {
        return new QueryRefused(HttpStatus.NOT_FOUND, "unknown-" + kind, kind + "Id", "no " + kind + " " + id);
    }

    public static QueryRefused badParameter(String field, String detail) {
        return new QueryRefused(HttpStatus.BAD_REQUEST, "invalid-parameter", field, field + ": " + detail);
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

    public Map<String, Object> properties() {
        return properties;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
