package com.marketplaceledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** history: one entity's events and its state, now or at a point in the past. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
                "Shows one entity's events in order (position, sequence, type, business and recording time) and",
                "its state folded from them, now, as of a global position or as of the end of a business day.",
                "Asks GET /history."})
final class HistoryCommand implements Callable<Integer> {

    @Option(names = "--stream", required = true, paramLabel = "STREAM",
            description = "the entity's stream, e.g. sale/M-hz-001/S-1 (the audit trail names each event's stream)")
    String stream;

    @Option(names = "--as-of-position", paramLabel = "N", description = "only events up to this global position")
    Long asOfPosition;

    @Option(names = "--as-of-date", paramLabel = "YYYY-MM-DD", description = "only events by the end of this business day")
    LocalDate asOfDate;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:${env:LEDGER_QUERY_PORT:-8081}",
            description = "the query side (default: ${DEFAULT-VALUE})")
    URI url;

    @Mixin
    BearerToken access;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode history = new QuerySide(url, access.token()).json("/history", QuerySide.parameters("stream", stream,
                "asOfPosition", asOfPosition, "asOfDate", asOfDate));
        PrintWriter out = spec.commandLine().getOut();
        out.println(stream + ": " + history.path("events").asInt() + " events");
        history.path("history").forEach(event -> out.println("%8d  #%-3d %-26s happened %s  recorded %s".formatted(
                event.path("position").asLong(), event.path("sequenceNumber").asLong(), event.path("type").asText(),
                event.path("occurredAt").asText(), event.path("recordedAt").asText())));
        out.println("state:");
        out.println(history.path("state").toPrettyString());
        return Auditor.VERIFIED;
    }
}
