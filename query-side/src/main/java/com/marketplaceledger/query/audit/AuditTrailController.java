package com.marketplaceledger.query.audit;

import com.marketplaceledger.query.audit.AuditSubjects.Subject;
import com.marketplaceledger.query.audit.AuditTrailQueries.TimeRange;
import com.marketplaceledger.axon.web.Paging;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.Identifiers;
import com.marketplaceledger.shared.InvalidValue;
import com.marketplaceledger.shared.merchant.MerchantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail over REST: a merchant's events, or one entity's, or every merchant's, ordered by
 * global position and optionally limited to a range of business or recording time.
 */
@RestController
@Tag(name = "Audit trail")
@ApiResponse(responseCode = "400", description = "a parameter is malformed, out of range or incomplete",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class AuditTrailController {

    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String TIME = "time";
    private static final String ENTITY_TYPE = "entityType";
    private static final String ENTITY_ID = "entityId";

    private final AuditTrailQueries queries;

    AuditTrailController(AuditTrailQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/merchants/{merchantId}/audit-trail")
    @Operation(summary = "The events of one merchant, or of one of its distributors, listings, sales or refunds",
            description = "Ordered by global position. A distributor's trail holds its enrolment, the enrolments it "
                    + "sponsored, the sales it made or bought as a participant, the commissions it received and "
                    + "their reversals, and the commissions paid for recruiting it; a listing's, its listing events "
                    + "and its sales; a sale's, its recording, refunds, and the commissions accrued and reversed "
                    + "on it; a refund's, its request and decision and the reversals it caused.")
    @ApiResponse(responseCode = "200", description = "a page of the trail")
    @ApiResponse(responseCode = "404", description = "no such merchant (rule unknown-merchant) or no such entity of it "
            + "(unknown-distributor, unknown-listing, unknown-sale, unknown-refund)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Paging.Page<AuditEntry> merchantTrail(
            @PathVariable MerchantId merchantId,
            @Parameter(description = "the kind of entity whose trail is asked for; needs entityId",
                    schema = @Schema(allowableValues = {"merchant", "distributor", "listing", "sale", "refund"}))
            @RequestParam(required = false) String entityType,
            @Parameter(description = "the merchant's own id of that entity; needs entityType")
            @RequestParam(required = false) String entityId,
            @Parameter(description = "only events at or after this instant (ISO 8601, e.g. 2026-01-01T00:00:00Z)")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "only events before this instant (ISO 8601)")
            @RequestParam(required = false) Instant to,
            @Parameter(description = "the time from and to apply to: business (occurredAt) or recorded (when the ledger recorded it)",
                    schema = @Schema(allowableValues = {"business", "recorded"}, defaultValue = "business"))
            @RequestParam(defaultValue = "business") String time,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "events per page, 1 to " + Paging.MAX_SIZE) @RequestParam(defaultValue = "50") int size) {
        TimeRange range = range(time, from, to);
        Subject subject = subject(merchantId, entityType, entityId);
        Paging paging = Paging.of(page, size);
        List<AuditEntry> fetched = queries.trail(merchantId.value(), subject.type(), subject.id(), range, paging);
        if (fetched.isEmpty()) {
            requireKnown(merchantId, subject);
        }
        return paging.page(fetched);
    }

    @GetMapping("/audit-trail/events/{eventId}")
    @Operation(summary = "One event by its identifier, e.g. an alert's evidence, with its global position")
    @ApiResponse(responseCode = "200", description = "the event")
    @ApiResponse(responseCode = "404", description = "no such event in the audit trail (yet)")
    AuditEntry event(@PathVariable String eventId) {
        return queries.event(eventId).orElseThrow(() -> QueryRefused.notFound("event", eventId));
    }

    @GetMapping("/audit-trail")
    @Operation(summary = "Every merchant's events, optionally in a range of business or recording time",
            description = "Ordered by global position.")
    @ApiResponse(responseCode = "200", description = "a page of the trail")
    Paging.Page<AuditEntry> allMerchants(
            @Parameter(description = "only events at or after this instant (ISO 8601, e.g. 2026-01-01T00:00:00Z)")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "only events before this instant (ISO 8601)")
            @RequestParam(required = false) Instant to,
            @Parameter(description = "the time from and to apply to: business (occurredAt) or recorded (when the ledger recorded it)",
                    schema = @Schema(allowableValues = {"business", "recorded"}, defaultValue = "business"))
            @RequestParam(defaultValue = "business") String time,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "events per page, 1 to " + Paging.MAX_SIZE) @RequestParam(defaultValue = "50") int size) {
        TimeRange range = range(time, from, to);
        Paging paging = Paging.of(page, size);
        return paging.page(queries.all(range, paging));
    }

    private static TimeRange range(String time, Instant from, Instant to) {
        TimeAxis axis = TimeAxis.parse(TIME, time);
        if (from != null && to != null && from.isAfter(to)) {
            throw QueryRefused.badParameter(FROM, "after-to", Map.of("value", from, "to", to));
        }
        return new TimeRange(axis, from, to);
    }

    /** The entity asked for; the merchant itself when none is. */
    private static Subject subject(MerchantId merchantId, String entityType, String entityId) {
        boolean typed = entityType != null && !entityType.isEmpty();
        boolean identified = entityId != null && !entityId.isEmpty();
        if (typed != identified) {
            String missing = typed ? ENTITY_ID : ENTITY_TYPE;
            throw QueryRefused.badParameter(missing, "required-with", Map.of("other", typed ? ENTITY_TYPE : ENTITY_ID));
        }
        if (!typed) {
            return new Subject(EntityType.MERCHANT, merchantId.value());
        }
        EntityType type = EntityType.parse(ENTITY_TYPE, entityType);
        try {
            return new Subject(type, Identifiers.requireValid(entityId, type.wireName() + " id"));
        } catch (InvalidValue invalid) {
            throw QueryRefused.badParameter(ENTITY_ID, "constraint", Map.of("reason", invalid.getMessage()));
        }
    }

    /** An empty page of a merchant or entity the ledger has never seen is a 404, not an empty answer. */
    private void requireKnown(MerchantId merchantId, Subject subject) {
        if (!queries.exists(merchantId.value(), EntityType.MERCHANT, merchantId.value())) {
            throw QueryRefused.notFound("merchant", merchantId.value());
        }
        if (!queries.exists(merchantId.value(), subject.type(), subject.id())) {
            throw new QueryRefused(HttpStatus.NOT_FOUND, "unknown-" + subject.type().wireName(), ENTITY_ID, "of-merchant",
                    Map.of("id", subject.id(), "merchantId", merchantId));
        }
    }
}
