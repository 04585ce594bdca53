package com.marketplaceledger.query.regulator;

import com.marketplaceledger.axon.web.QueryRefused;
import java.util.Map;

/** Checks of query parameters that the types alone do not make. */
final class Parameters {

    private Parameters() {
    }

    static Integer atLeastOne(String name, Integer value) {
        if (value != null && value < 1) {
            throw QueryRefused.badParameter(name, "below-one", Map.of("value", value));
        }
        return value;
    }
}
