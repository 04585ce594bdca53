package com.marketplaceledger.query.export;

import com.marketplaceledger.query.oversight.OversightLog;
import com.marketplaceledger.shared.integrity.ExportedEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Sealed events with their seals as NDJSON, for auditors to take away and verify offline
 * ({@code auditor verify --file}). Parameters are checked, and an unknown entity refused, before
 * the first byte: once lines flow, the status is 200.
 */
@RestController
@Tag(name = "Integrity")
@ApiResponse(responseCode = "400", description = "a parameter is malformed, out of range, or selections are mixed",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class ExportController {

    static final String NDJSON = "application/x-ndjson";

    private final Exports exports;
    private final OversightLog oversight;

    ExportController(Exports exports, OversightLog oversight) {
        this.exports = exports;
        this.oversight = oversight;
    }

    @GetMapping("/export")
    @Operation(summary = "Sealed events with their seals, one JSON object per line, in position order",
            description = "Choose one selection: a range of positions (from, to; by default everything sealed), a "
                    + "merchant or one of its entities (merchantId, entityType, entityId; the positions its audit trail "
                    + "lists), or a span of recording time (fromTime inclusive, toTime exclusive). Only sealed positions "
                    + "are exported. Each line: globalIndex, eventIdentifier, aggregateType, aggregateIdentifier, "
                    + "sequenceNumber, payloadType, payloadRevision, payloadBase64 and metaDataBase64 (the stored bytes), "
                    + "timeStamp (the stored text), payload (parsed, for people), seal and previousSeal (hex); a "
                    + "position the sequence skipped: globalIndex, absent: true, seal, previousSeal.")
    @ApiResponse(responseCode = "200", description = "the lines, streamed",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ExportedEvent.class)))
    @ApiResponse(responseCode = "404", description = "no such merchant (unknown-merchant) or entity of it (unknown-sale, ...)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    void export(
            @Parameter(description = "first position (default 1)") @RequestParam(required = false) Long from,
            @Parameter(description = "last position, inclusive (default: the last sealed)") @RequestParam(required = false) Long to,
            @Parameter(description = "only this merchant's events") @RequestParam(required = false) String merchantId,
            @Parameter(description = "with entityId: distributor, listing, sale, refund (or merchant)",
                    schema = @Schema(allowableValues = {"merchant", "distributor", "listing", "sale", "refund"}))
            @RequestParam(required = false) String entityType,
            @Parameter(description = "with entityType: the merchant's own id of it") @RequestParam(required = false) String entityId,
            @Parameter(description = "only events recorded at or after this instant (ISO 8601)") @RequestParam(required = false) Instant fromTime,
            @Parameter(description = "only events recorded before this instant (ISO 8601)") @RequestParam(required = false) Instant toTime,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportSelection selection = ExportSelection.of(from, to, merchantId, entityType, entityId, fromTime, toTime);
        exports.requireKnown(selection);
        oversight.exported(request.getQueryString());
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
            exports.write(selection, out);
        }
    }
}
