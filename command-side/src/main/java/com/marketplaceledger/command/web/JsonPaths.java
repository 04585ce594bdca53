package com.marketplaceledger.command.web;

import java.util.stream.Collectors;

/**
 * The field path ("buyer.participantId", "plan.salesRates[0].level") of a JSON binding error,
 * from Jackson 3 (HTTP bodies) or Jackson 2 (the published language, used by bulk import).
 */
final class JsonPaths {

    private JsonPaths() {
    }

    static boolean isJsonError(Throwable error) {
        return error instanceof tools.jackson.core.JacksonException
                || error instanceof com.fasterxml.jackson.core.JacksonException;
    }

    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException e && !e.getPath().isEmpty()) {
                return e.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining()).replaceFirst("^\\.", "");
            }
            if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException e && !e.getPath().isEmpty()) {
                return e.getPath().stream()
                        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining()).replaceFirst("^\\.", "");
            }
        }
        return null;
    }
}
