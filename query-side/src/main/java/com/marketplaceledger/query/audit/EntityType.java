package com.marketplaceledger.query.audit;

import com.marketplaceledger.axon.web.QueryRefused;

import java.util.Map;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of thing an audit trail can be asked for; each event names the ones it concerns. */
enum EntityType {
    MERCHANT, DISTRIBUTOR, LISTING, SALE, REFUND, ALERT, CASE;

    static final String ALLOWED = Arrays.stream(values()).map(EntityType::wireName).collect(Collectors.joining(", "));

    /** As stored in {@code audit_subject.entity_type} and given in {@code entityType}. */
    String wireName() {
        return name().toLowerCase();
    }

    static EntityType parse(String field, String value) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(value)).findFirst()
                .orElseThrow(() -> QueryRefused.badParameter(field, "not-one-of", Map.of("value", value, "allowed", ALLOWED)));
    }
}
