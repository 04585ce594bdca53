package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.marketplaceledger.shared.LedgerJson;

/** Measurements and thresholds are stored in their published JSON form. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return LedgerJson.objectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
