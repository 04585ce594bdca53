package com.marketplaceledger.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One event of an audit trail, as the ledger recorded it.
 *
 * @param position       its position in the global event sequence
 * @param eventId        the event message's identifier
 * @param type           the payload type, e.g. {@code SaleRecorded}
 * @param revision       the revision of that type's published JSON form
 * @param stream         the event stream (aggregate) it belongs to, e.g. {@code sale/M-hz-001/S-1}
 * @param sequenceNumber its place in that stream, from 0
 * @param merchantId     the merchant whose event it is; none for an act of oversight (a rebuild, an export)
 * @param occurredAt     when it happened in the merchant's business
 * @param recordedAt     when the ledger recorded it
 * @param actor          who recorded it: the subject of the token its command came with; none for events
 *                       the ledger raised itself (alerts) or recorded before access control
 * @param actorRoles     that token's ledger roles, comma-separated
 * @param payload        the event in its published JSON form
 */
public record AuditEntry(
        long position,
        String eventId,
        String type,
        String revision,
        String stream,
        long sequenceNumber,
        String merchantId,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        String actorRoles,
        @JsonRawValue
        @Schema(types = "object", description = "the event in its published JSON form (a JSON object)")
        String payload) {
}
