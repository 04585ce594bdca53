package com.marketplaceledger.query.export;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.Identifiers;
import com.marketplaceledger.shared.InvalidValue;

import java.util.Map;
import java.time.Instant;
import java.util.List;

/**
 * Which sealed positions an export holds: a range of positions, the events of a merchant or of one
 * of its entities (as the audit trail indexes them), or those recorded in a span of time. One kind
 * per export, so that what a file covers is plain from how it was asked for.
 */
sealed interface ExportSelection {

    /** The entity types of {@code read_model.audit_subject} (its CHECK constraint). */
    List<String> ENTITY_TYPES = List.of("merchant", "distributor", "listing", "sale", "refund");

    /** Positions {@code from} to {@code to}, both inclusive; {@code to} null: up to the last sealed. */
    record Positions(long from, Long to) implements ExportSelection {
    }

    /** The positions the audit trail lists for this entity of the merchant (the merchant itself: every event of it). */
    record Entity(String merchantId, String entityType, String entityId) implements ExportSelection {
    }

    /** Events recorded at or after {@code from} and before {@code to}; either may be open. */
    record RecordedBetween(Instant from, Instant to) implements ExportSelection {
    }

    static ExportSelection of(Long from, Long to, String merchantId, String entityType, String entityId,
                              Instant fromTime, Instant toTime) {
        boolean byPosition = from != null || to != null;
        boolean byEntity = merchantId != null || entityType != null || entityId != null;
        boolean byTime = fromTime != null || toTime != null;
        if ((byPosition ? 1 : 0) + (byEntity ? 1 : 0) + (byTime ? 1 : 0) > 1) {
            throw QueryRefused.badParameter(byPosition ? "from" : "merchantId", "one-selection", Map.of());
        }
        if (byEntity) {
            return entity(merchantId, entityType, entityId);
        }
        if (byTime) {
            if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
                throw QueryRefused.badParameter("fromTime", "after-to-time", Map.of("value", fromTime, "toTime", toTime));
            }
            return new RecordedBetween(fromTime, toTime);
        }
        long first = from == null ? 1 : from;
        if (first < 1) {
            throw QueryRefused.badParameter("from", "not-a-position-from-one", Map.of("value", first));
        }
        if (to != null && to < first) {
            throw QueryRefused.badParameter("to", "below-from-value", Map.of("value", to, "from", first));
        }
        return new Positions(first, to);
    }

    private static Entity entity(String merchantId, String entityType, String entityId) {
        if (merchantId == null) {
            throw QueryRefused.badParameter("merchantId", "merchant-with-entity", Map.of());
        }
        if ((entityType == null) != (entityId == null)) {
            throw QueryRefused.badParameter(entityType == null ? "entityType" : "entityId", "required-with",
                    Map.of("other", entityType == null ? "entityId" : "entityType"));
        }
        String merchant = valid("merchantId", merchantId, "merchant id");
        if (entityType == null) {
            return new Entity(merchant, "merchant", merchant);
        }
        if (!ENTITY_TYPES.contains(entityType)) {
            throw QueryRefused.badParameter("entityType", "not-one-of",
                    Map.of("value", entityType, "allowed", String.join(", ", ENTITY_TYPES)));
        }
        return new Entity(merchant, entityType, valid("entityId", entityId, entityType + " id"));
    }

    private static String valid(String field, String value, String kind) {
        try {
            return Identifiers.requireValid(value, kind);
        } catch (InvalidValue invalid) {
            throw QueryRefused.badParameter(field, "constraint", Map.of("reason", invalid.getMessage()));
        }
    }
}
