package com.marketplaceledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** replay: rebuild read models from event 0, with a progress bar and the rebuilt checksums. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
                "Rebuilds a read model (or all of them) from event 0 while the ledger keeps running, shows the",
                "progress (positions replayed, events per second, time left) and, at the end, each rebuilt read",
                "model's checksum, so two rebuilds can be compared.",
                "Asks POST /operations/read-models/{name}/rebuild and follows GET .../{name}/replay.",
                "A read model already replaying is refused (exit 3)."})
final class ReplayCommand implements Callable<Integer> {

    static final class Which {
        @Option(names = "--read-model", paramLabel = "NAME", description = "one read model, e.g. genealogy")
        String readModel;

        @Option(names = "--all", description = "every read model")
        boolean all;
    }

    @ArgGroup(multiplicity = "1")
    Which which;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:${env:LEDGER_QUERY_PORT:-8081}",
            description = "the query side (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--poll", paramLabel = "MILLIS", defaultValue = "500", description = "how often to ask for progress")
    long poll;

    @Option(names = "--no-wait", description = "start the rebuild and return at once")
    boolean noWait;

    @Mixin
    BearerToken access;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        var querySide = new QuerySide(url, access.token());
        List<String> readModels = new ArrayList<>();
        if (which.all) {
            querySide.post("/operations/read-models/rebuild", Map.of()).path("processors").forEach(p -> readModels.add(p.asText()));
        } else {
            querySide.post("/operations/read-models/" + which.readModel + "/rebuild", Map.of());
            readModels.add(which.readModel);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (noWait) {
            out.println("rebuilding " + String.join(", ", readModels) + "; progress: GET " + url
                    + "/operations/read-models/{name}/replay");
            return Auditor.VERIFIED;
        }
        for (String readModel : readModels) {
            JsonNode progress = follow(querySide, readModel, out);
            JsonNode checksum = progress.path("checksum");
            out.println(readModel + ": replayed " + progress.path("eventsDone").asLong() + " positions in "
                    + Duration.between(java.time.Instant.parse(progress.path("startedAt").asText()),
                    java.time.Instant.parse(progress.path("finishedAt").asText())).toMillis() + " ms; checksum "
                    + checksum.path("checksum").asText());
            checksum.path("tables").properties().forEach(table -> out.println("  " + table.getKey() + ": "
                    + table.getValue().path("rows").asLong() + " rows, md5 " + table.getValue().path("md5").asText()));
        }
        return Auditor.VERIFIED;
    }

    private JsonNode follow(QuerySide querySide, String readModel, PrintWriter out) throws InterruptedException {
        while (true) {
            JsonNode progress = querySide.json("/operations/read-models/" + readModel + "/replay", Map.of());
            out.print("\r" + bar(readModel, progress));
            out.flush();
            if (!progress.path("replaying").asBoolean()) {
                out.println();
                return progress;
            }
            Thread.sleep(poll);
        }
    }

    /** {@code genealogy [##########----------]  50.0%  1200/2400 positions  800/s  1 s left} */
    static String bar(String readModel, JsonNode progress) {
        double percent = progress.path("percent").asDouble(0);
        int filled = (int) Math.round(percent / 5);
        String left = progress.path("secondsLeft").isNull() ? "?" : progress.path("secondsLeft").asText();
        return "%s [%s%s] %5.1f%%  %d/%d positions  %d/s  %s s left".formatted(readModel, "#".repeat(filled),
                "-".repeat(20 - filled), percent, progress.path("eventsDone").asLong(),
                progress.path("targetPosition").asLong(), progress.path("eventsPerSecond").asLong(), left);
    }
}
