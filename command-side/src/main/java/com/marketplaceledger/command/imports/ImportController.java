package com.marketplaceledger.command.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.web.Problems;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.listing.RepriceListing;
import com.marketplaceledger.shared.listing.WithdrawListing;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bulk import for merchants bringing their history: NDJSON, one command per line in its
 * published-language JSON form plus a {@code type}. Each line is its own command: an accepted
 * line is recorded even when another is refused, and every line gets its own answer. Lines are
 * parsed here and recorded by {@link ImportTransactions}, several to a transaction.
 */
@RestController
@Tag(name = "Bulk import")
class ImportController {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();
    private static final Map<String, Class<? extends MerchantCommand>> COMMANDS = Stream.of(
                    DeclareCompensationPlan.class, PublishListing.class, RepriceListing.class, WithdrawListing.class,
                    EnrolDistributor.class, RecordSale.class, RequestRefund.class, IssueRefund.class, RefuseRefund.class)
            .collect(LinkedHashMap::new, (m, c) -> m.put(c.getSimpleName(), c), Map::putAll);

    private final ImportTransactions transactions;
    private final int maxLines;

    ImportController(ImportTransactions transactions, @Value("${ledger.import.max-lines:100000}") int maxLines) {
        this.transactions = transactions;
        this.maxLines = maxLines;
    }

    @PostMapping(path = "/merchants/{merchantId}/imports")
    @Operation(summary = "Import commands as NDJSON, one per line, each with a \"type\" naming the command",
            description = "Answers 200 when every line was recorded, now or before; otherwise 422 problem+json listing "
                    + "each line's outcome. When the ledger could not record a line (its database unavailable), the import "
                    + "stops there: 503 problem+json \"import-interrupted\" with the outcomes so far and \"notRecordedFrom\", "
                    + "the first line not recorded; send the whole import again. A line repeating a command recorded before (an import sent again after it "
                    + "was cut off) is accepted with \"alreadyRecorded\": true and the stream and position it was "
                    + "first recorded at; a line with a known id and other content is rejected as a conflict. "
                    + "The summary counts the lines accepted, those of them already recorded, and those rejected.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string",
                            example = "{\"type\":\"EnrolDistributor\",\"distributorId\":\"D-1\",\"occurredAt\":\"2026-01-05T09:00:00Z\"}"))))
    ResponseEntity<Map<String, Object>> importLines(@PathVariable MerchantId merchantId, InputStream body) throws IOException {
        var outcomes = new ArrayList<Map<String, Object>>();
        var pending = new ArrayList<ImportTransactions.Line>();
        try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                if (outcomes.size() + pending.size() == maxLines) {
                    if (!record(pending, outcomes)) {
                        return interrupted(outcomes);
                    }
                    return answer(HttpStatus.CONTENT_TOO_LARGE, "import-too-large",
                            "at most " + maxLines + " commands per import; lines from " + number + " on were not read",
                            outcomes);
                }
                pending.add(line(merchantId, number, text));
                if (pending.size() == transactions.linesPerTransaction()) {
                    if (!record(pending, outcomes)) {
                        return interrupted(outcomes);
                    }
                    pending.clear();
                }
            }
        }
        if (!record(pending, outcomes)) {
            return interrupted(outcomes);
        }
        if (outcomes.isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, "empty-import", "the body holds no command lines", outcomes);
        }
        long rejected = rejected(outcomes);
        if (rejected > 0) {
            return answer(HttpStatus.UNPROCESSABLE_ENTITY, "import-lines-rejected",
                    rejected + " of " + outcomes.size() + " lines were rejected; the others were recorded", outcomes);
        }
        return ResponseEntity.ok(summarise(outcomes));
    }

    /** Records the lines, adding their outcomes; false when the import was interrupted. */
    private boolean record(List<ImportTransactions.Line> lines, List<Map<String, Object>> outcomes) {
        var recorded = transactions.record(lines);
        outcomes.addAll(recorded.outcomes());
        return !recorded.interrupted();
    }

    /** The last outcome is the line the ledger could not record; nothing after it was tried. */
    private static ResponseEntity<Map<String, Object>> interrupted(List<Map<String, Object>> outcomes) {
        Object line = outcomes.get(outcomes.size() - 1).get("line");
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "import-interrupted", null,
                "the ledger could not record line " + line + " just now; it and the lines after it were not recorded. "
                        + "Send the whole import again: the lines recorded already will be answered as already recorded");
        problem.setProperty("notRecordedFrom", line);
        return answer(problem, outcomes);
    }

    private static ImportTransactions.Line line(MerchantId merchantId, int number, String text) {
        try {
            return new ImportTransactions.Line(number, toCommand(merchantId, text), null);
        } catch (RuntimeException | JsonProcessingException refused) {
            return new ImportTransactions.Line(number, null, refused);
        }
    }

    private static long rejected(List<Map<String, Object>> outcomes) {
        return outcomes.stream().filter(outcome -> "rejected".equals(outcome.get("status"))).count();
    }

    /** How many lines were accepted (of them, how many had been recorded before) and rejected, then each line. */
    private static Map<String, Object> summarise(List<Map<String, Object>> lines) {
        long rejected = rejected(lines);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("accepted", lines.size() - rejected);
        summary.put("alreadyRecorded", lines.stream().filter(line -> line.containsKey("alreadyRecorded")).count());
        summary.put("rejected", rejected);
        summary.put("lines", lines);
        return summary;
    }

    private static MerchantCommand toCommand(MerchantId merchantId, String text) throws JsonProcessingException {
        JsonNode node = JSON.readTree(text);
        if (!(node instanceof ObjectNode command)) {
            throw RuleViolation.unprocessable("not-a-command", null, "each line must be one JSON object");
        }
        String type = command.path("type").asText("");
        Class<? extends MerchantCommand> commandClass = COMMANDS.get(type);
        if (commandClass == null) {
            throw RuleViolation.unprocessable("unknown-command-type", "type",
                    "type must be one of " + String.join(", ", COMMANDS.keySet()));
        }
        JsonNode given = command.get("merchantId");
        if (given != null && !given.isNull() && !merchantId.value().equals(given.asText())) {
            throw RuleViolation.unprocessable("merchant-mismatch", "merchantId",
                    "this import is for merchant " + merchantId + ", the line names " + given.asText());
        }
        command.remove("type");
        command.put("merchantId", merchantId.value());
        return JSON.treeToValue(command, commandClass);
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String rule, String detail,
                                                              List<Map<String, Object>> lines) {
        return answer(Problems.problem(status, rule, null, detail), lines);
    }

    private static ResponseEntity<Map<String, Object>> answer(ProblemDetail problem, List<Map<String, Object>> lines) {
        summarise(lines).forEach(problem::setProperty);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }
}
