package com.marketplaceledger.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** export: events with their seals, streamed from GET /export into a file. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
                "Exports sealed events with their seals to an NDJSON file (GET /export, streamed).",
                "Only positions already sealed are exported. Choose a range of positions (--from/--to; by",
                "default everything sealed), one merchant or one of its entities (--merchant, --entity-type,",
                "--entity-id) or a span of recording time (--from-time/--to-time).",
                "Verify a range offline with 'auditor verify --file FILE', an entity or time span with --subset."})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:${env:LEDGER_QUERY_PORT:-8081}",
            description = "the query side (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    Path out;

    @Option(names = "--from", paramLabel = "N", description = "the first position (default: 1)")
    Long from;

    @Option(names = "--to", paramLabel = "N", description = "the last position (default: the last one sealed)")
    Long to;

    @Option(names = "--merchant", paramLabel = "M", description = "only the events of this merchant")
    String merchant;

    @Option(names = "--entity-type", paramLabel = "T",
            description = "with --merchant and --entity-id: distributor, listing, sale or refund")
    String entityType;

    @Option(names = "--entity-id", paramLabel = "I", description = "with --merchant and --entity-type: the merchant's own id")
    String entityId;

    @Option(names = "--from-time", paramLabel = "INSTANT",
            description = "only events recorded at or after this instant (ISO 8601, e.g. 2026-01-01T00:00:00Z)")
    Instant fromTime;

    @Option(names = "--to-time", paramLabel = "INSTANT", description = "only events recorded before this instant")
    Instant toTime;

    @Mixin
    BearerToken access;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean byPosition = from != null || to != null;
        boolean byEntity = merchant != null || entityType != null || entityId != null;
        boolean byTime = fromTime != null || toTime != null;
        if ((byPosition ? 1 : 0) + (byEntity ? 1 : 0) + (byTime ? 1 : 0) > 1) {
            throw usage("choose one of: positions (--from/--to), an entity (--merchant ...), a time span (--from-time/--to-time)");
        }
        if (byEntity && merchant == null) {
            throw usage("--entity-type and --entity-id need --merchant");
        }
        if ((entityType == null) != (entityId == null)) {
            throw usage("--entity-type and --entity-id go together");
        }
        var parameters = QuerySide.parameters("from", from, "to", to, "merchantId", merchant, "entityType", entityType,
                "entityId", entityId, "fromTime", fromTime, "toTime", toTime);
        var querySide = new QuerySide(url, access.token());
        long lines = 0;
        try (InputStream body = querySide.stream("/export", parameters);
             OutputStream file = Files.newOutputStream(out)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                file.write(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (IOException | RuntimeException failed) {
            // half an export would verify as far as it goes: leave none
            Files.deleteIfExists(out);
            throw failed;
        }
        spec.commandLine().getOut().println("exported " + lines + " lines to " + out + "; verify it with: auditor verify --file "
                + out + (byPosition || !(byEntity || byTime) ? "" : " --subset"));
        return Auditor.VERIFIED;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
