package com.marketplaceledger.shared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of the published language: how events are stored and exported. Times are ISO-8601
 * strings; a string or a fractional number where an integer (minor units, quantity) belongs is refused rather
 * than truncated; unknown properties are ignored so that older readers tolerate added fields.
 */
public final class LedgerJson {

    private LedgerJson() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "100" is not a number of minor units: no silent coercion of strings to numbers
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }
}
