package com.marketplaceledger.supervision.casework;

import com.marketplaceledger.supervision.casework.CaseCommands.Recorded;
import com.marketplaceledger.supervision.casework.CaseFiles.CaseDetail;
import com.marketplaceledger.supervision.casework.CaseFiles.CaseSummary;
import com.marketplaceledger.axon.security.Caller;
import com.marketplaceledger.axon.web.Paging;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.InvalidValue;
import com.marketplaceledger.shared.casework.AddCaseNote;
import com.marketplaceledger.shared.casework.CaseFinding;
import com.marketplaceledger.shared.casework.CaseId;
import com.marketplaceledger.shared.casework.CloseCase;
import com.marketplaceledger.shared.casework.EscalateCase;
import com.marketplaceledger.shared.casework.OpenCase;
import com.marketplaceledger.shared.casework.StartCaseReview;
import com.marketplaceledger.shared.detection.AlertId;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Regulators' case work over REST: open a case on alerts, start its review, add notes, escalate,
 * close it with a finding; list and read cases. Every action is recorded as an event of the case
 * file, with who acted ({@code by}: the subject of the caller's token, never a field of the request)
 * and when (the time the request was handled), and is answered with that event's global position.
 */
@RestController
@Tag(name = "Cases", description = "Regulators' cases on alerts: opened, reviewed, noted, escalated, closed")
@ApiResponse(responseCode = "400", description = "a field or parameter is missing, malformed or too long",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CasesController {

    private static final String PROBLEM = "application/problem+json";
    private static final String RECORDED = "the case id and the position of the event that records the action";
    private static final String UNKNOWN_CASE = "no such case (rule unknown-case)";
    private static final String REFUSED_BY_WORKFLOW = "the case is closed (rule case-closed) or its status does not "
            + "allow the action (rule case-state)";

    private final CaseCommands commands;
    private final CaseFiles caseFiles;

    CasesController(CaseCommands commands, CaseFiles caseFiles) {
        this.commands = commands;
        this.caseFiles = caseFiles;
    }

    /** @param caseId the new case's id; generated when absent */
    record OpenCaseRequest(String caseId, String merchantId, List<String> alertIds, String summary) {
    }

    record NoteRequest(String text) {
    }

    record EscalationRequest(String reason) {
    }

    record ClosureRequest(String finding, String summary) {
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a case on one merchant's alerts",
            description = "Every alert must have been raised against the merchant.")
    @ApiResponse(responseCode = "201", description = "the case id and the position of its CaseOpened event")
    @ApiResponse(responseCode = "409", description = "a case with the given id exists (rule case-exists)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "an alert was not raised against the merchant (rule unknown-alert)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Recorded open(@RequestBody OpenCaseRequest request) {
        CaseId caseId = request.caseId() == null ? CaseId.of("CASE-" + UUID.randomUUID())
                : parse("caseId", request.caseId(), CaseId::of);
        List<AlertId> alertIds = request.alertIds() == null ? null
                : request.alertIds().stream().map(id -> parse("alertIds", id, AlertId::of)).toList();
        return commands.send(new OpenCase(parse("merchantId", request.merchantId(), MerchantId::of), caseId, alertIds,
                Caller.required().subject(), request.summary(), now()));
    }

    @PostMapping("/cases/{caseId}/review")
    @Operation(summary = "Start the review of an open case")
    @ApiResponse(responseCode = "200", description = RECORDED)
    @ApiResponse(responseCode = "404", description = UNKNOWN_CASE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = REFUSED_BY_WORKFLOW, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    Recorded review(@PathVariable CaseId caseId) {
        return commands.send(new StartCaseReview(caseId, Caller.required().subject(), now()));
    }

    @PostMapping("/cases/{caseId}/notes")
    @Operation(summary = "Add a note to a case that is not closed")
    @ApiResponse(responseCode = "200", description = RECORDED)
    @ApiResponse(responseCode = "404", description = UNKNOWN_CASE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = REFUSED_BY_WORKFLOW, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    Recorded note(@PathVariable CaseId caseId, @RequestBody NoteRequest request) {
        return commands.send(new AddCaseNote(caseId, Caller.required().subject(), request.text(), now()));
    }

    @PostMapping("/cases/{caseId}/escalation")
    @Operation(summary = "Escalate a case that is open or under review, saying why")
    @ApiResponse(responseCode = "200", description = RECORDED)
    @ApiResponse(responseCode = "404", description = UNKNOWN_CASE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = REFUSED_BY_WORKFLOW, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    Recorded escalate(@PathVariable CaseId caseId, @RequestBody EscalationRequest request) {
        return commands.send(new EscalateCase(caseId, Caller.required().subject(), request.reason(), now()));
    }

    @PostMapping("/cases/{caseId}/closure")
    @Operation(summary = "Close a case with a finding and its reasons")
    @ApiResponse(responseCode = "200", description = RECORDED)
    @ApiResponse(responseCode = "404", description = UNKNOWN_CASE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = REFUSED_BY_WORKFLOW, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    Recorded close(@PathVariable CaseId caseId, @RequestBody ClosureRequest request) {
        CaseFinding finding = request.finding() == null ? null : parse("finding", request.finding(), CasesController::finding);
        return commands.send(new CloseCase(caseId, Caller.required().subject(), finding, request.summary(), now()));
    }

    @GetMapping("/cases")
    @Operation(summary = "Cases, newest first, of one merchant and in one status where asked")
    @ApiResponse(responseCode = "200", description = "a page of cases")
    Paging.Page<CaseSummary> list(
            @Parameter(description = "only this merchant's cases") @RequestParam(required = false) MerchantId merchantId,
            @Parameter(description = "only cases in this status",
                    schema = @Schema(allowableValues = {"OPEN", "UNDER_REVIEW", "ESCALATED", "CLOSED"}))
            @RequestParam(required = false) String status,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "cases per page, 1 to " + Paging.MAX_SIZE) @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        CaseStatus wanted = status == null ? null : parse("status", status, CasesController::status);
        return paging.page(caseFiles.list(merchantId == null ? null : merchantId.value(), wanted, paging));
    }

    @GetMapping("/cases/{caseId}")
    @Operation(summary = "A case: its status, alerts, and the timeline of every action with who, when and its event")
    @ApiResponse(responseCode = "200", description = "the case and its timeline, oldest action first")
    @ApiResponse(responseCode = "404", description = UNKNOWN_CASE, content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    CaseDetail get(@PathVariable CaseId caseId) {
        return caseFiles.find(caseId.value()).orElseThrow(() -> QueryRefused.notFound("case", caseId.value()));
    }

    /** The time of a regulator's action: when its request is handled, to the millisecond. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (InvalidValue invalid) {
            throw QueryRefused.badParameter(field, "constraint", Map.of("reason", invalid.getMessage()));
        }
    }

    private static CaseFinding finding(String value) {
        return Arrays.stream(CaseFinding.values()).filter(f -> f.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidValue("'" + value + "' is not one of " + Arrays.toString(CaseFinding.values())));
    }

    private static CaseStatus status(String value) {
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidValue("'" + value + "' is not one of " + Arrays.toString(CaseStatus.values())));
    }
}
