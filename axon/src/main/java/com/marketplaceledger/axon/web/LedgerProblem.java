package com.marketplaceledger.axon.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's RFC 9457 problem form, for the answers written outside Spring MVC (Spring Security's
 * refusals, the container's own): a {@code rule} a client can switch on, also its URN type.
 */
public final class LedgerProblem {

    /**
     * ASCII only: a detail may quote what a client sent (the firewall names the header value it
     * refused), and none of it comes back unescaped, whatever charset a client reads it in.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private LedgerProblem() {
    }

    public static Map<String, Object> of(int status, String title, String rule, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:marketplace-ledger:problem:" + rule);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("rule", rule);
        return problem;
    }

    /** The problem as JSON text, in ASCII. */
    public static String json(Map<String, Object> problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a problem of plain members cannot fail to serialise", e);
        }
    }
}
