package com.marketplaceledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** digest: the seal at the head, to keep and verify against later. */
@Command(name = "digest", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
                "Takes a digest to keep: the position and seal at the head of the chain.",
                "Asks GET /integrity/digest.",
                "Keep it: a later 'auditor verify --file EXPORT --digest FILE' proves that everything up to that",
                "position is unchanged."})
final class DigestCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:${env:LEDGER_QUERY_PORT:-8081}",
            description = "the query side (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--out", paramLabel = "FILE", description = "save the digest as JSON to FILE instead of printing it")
    Path out;

    @Mixin
    BearerToken access;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JsonNode digest = new QuerySide(url, access.token()).json("/integrity/digest", Map.of());
        if (out == null) {
            spec.commandLine().getOut().println(digest.toPrettyString());
        } else {
            Files.writeString(out, digest.toPrettyString() + "\n", StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("digest at position " + digest.path("position").asText("?") + " saved to " + out);
        }
        return Auditor.VERIFIED;
    }
}
