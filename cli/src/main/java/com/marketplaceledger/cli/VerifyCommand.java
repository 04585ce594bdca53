package com.marketplaceledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.integrity.Seals;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** verify: an export file offline against an optional digest, or the store by the query side. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
                "Verifies an export offline (--file) or the store (--url).",
                "With --file: recomputes the hash chain of an export (NDJSON from 'auditor export' or GET /export)",
                "line by line, offline, from the first line's previousSeal; checks every seal, that positions are",
                "consecutive and, with a digest, that the chain reaches the digest's seal at its position.",
                "With --url: asks the query side to recompute the chain over its store (GET /integrity/verification),",
                "or, with a digest, to prove everything up to the digest unchanged (POST /integrity/verification);",
                "that sends the auditor's bearer token (--token-file). --file needs no token.",
                "Exit codes: 0 verified, 1 broken (the first broken position and what differs are printed),",
                "2 usage error, 3 the file or the query side could not be read, or the token was missing or refused."})
final class VerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    static final class Source {
        @Option(names = "--file", required = true, paramLabel = "FILE", description = "an export to verify offline")
        Path file;

        @Option(names = "--url", required = true, paramLabel = "URL", arity = "0..1",
                fallbackValue = "http://localhost:${env:LEDGER_QUERY_PORT:-8081}",
                description = "the query side whose store to verify (--url alone: ${FALLBACK-VALUE})")
        URI url;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = "--digest-position", paramLabel = "N", description = "the position of a digest you kept")
    Long digestPosition;

    @Option(names = "--digest-seal", paramLabel = "HEX", description = "the digest's seal at that position")
    String digestSeal;

    @Option(names = "--digest", paramLabel = "FILE",
            description = "a digest saved by 'auditor digest --out FILE' (instead of the two options above)")
    Path digestFile;

    @Option(names = "--subset",
            description = "with --file: an export of an entity or a time span, whose positions are not consecutive: "
                    + "each line is checked against its own previousSeal (no digest then)")
    boolean subset;

    @Option(names = "--from", paramLabel = "N", description = "with --url: the first position to verify (default: 1)")
    Long from;

    @Option(names = "--to", paramLabel = "N", description = "with --url: the last position to verify (default: the head)")
    Long to;

    @Mixin
    BearerToken access;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return source.file != null ? verifyFile() : verifyStore();
    }

    private int verifyFile() throws IOException {
        if (from != null || to != null) {
            throw usage("--from and --to go with --url; an export file is verified as a whole");
        }
        ChainVerifier.Digest digest = digest();
        if (digest != null && subset) {
            throw usage("--subset cannot be verified against a digest: a digest is reached by a complete range of positions");
        }
        ChainVerifier.Result result;
        try (BufferedReader lines = Files.newBufferedReader(source.file, StandardCharsets.UTF_8)) {
            result = new ChainVerifier(digest, subset).verify(lines);
        } catch (NoSuchFileException missing) {
            throw usage("no such file: " + source.file);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!result.verified()) {
            ChainVerifier.Broken broken = result.broken();
            out.println("BROKEN " + (broken.position() == null ? "at line " + broken.line()
                    : "at position " + broken.position() + " (line " + broken.line() + ")") + ": " + broken.reason());
            return Auditor.BROKEN;
        }
        out.println("VERIFIED positions " + result.first() + " to " + result.last() + ": " + result.lines() + " lines, "
                + result.absent() + " of them absent positions");
        if (digest != null) {
            out.println("The chain reaches the digest's seal at position " + digest.position()
                    + ": everything up to it is as it was when the digest was taken.");
        } else {
            out.println("No digest given: the file is consistent with itself only. To prove it is the ledger's history, "
                    + "verify it against a digest you kept (--digest-position and --digest-seal, or --digest).");
        }
        return Auditor.VERIFIED;
    }

    /** The query side recomputes its chain: over a range (GET), or up to a digest you kept (POST). */
    private int verifyStore() throws IOException {
        if (subset) {
            throw usage("--subset goes with --file");
        }
        ChainVerifier.Digest digest = digest();
        if (digest != null && (from != null || to != null)) {
            throw usage("a digest is verified from position 1 up to its own position: no --from or --to with it");
        }
        var querySide = new QuerySide(source.url, access.token());
        JsonNode verdict = digest == null
                ? querySide.json("/integrity/verification", QuerySide.parameters("from", from, "to", to))
                : querySide.post("/integrity/verification",
                        QuerySide.parameters("position", digest.position(), "seal", Seals.hex(digest.seal())));
        JsonNode verified = verdict.get("verified");
        if (verified == null || !verified.isBoolean()) {
            throw new Auditor.Failure("the query side's answer does not say whether the chain is verified: " + verdict);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (verified.asBoolean()) {
            out.println("VERIFIED positions " + verdict.path("from").asText() + " to " + verdict.path("to").asText()
                    + " in the store: " + verdict.path("detail").asText());
            return Auditor.VERIFIED;
        }
        out.println("BROKEN at position " + verdict.path("firstBrokenPosition").asText() + " ("
                + verdict.path("problem").asText() + "): " + verdict.path("detail").asText());
        return Auditor.BROKEN;
    }

    /** The digest to reach, from the two options or a saved digest; null when none is given. */
    private ChainVerifier.Digest digest() throws IOException {
        if (digestFile != null) {
            if (digestPosition != null || digestSeal != null) {
                throw usage("give either --digest or --digest-position with --digest-seal, not both");
            }
            JsonNode saved;
            try {
                saved = JSON.readTree(Files.readString(digestFile));
            } catch (NoSuchFileException missing) {
                throw usage("no such file: " + digestFile);
            } catch (IOException unreadable) {
                throw usage(digestFile + " is not a digest: " + unreadable.getMessage());
            }
            if (saved == null || !saved.path("position").canConvertToLong() || !saved.path("seal").isTextual()) {
                throw usage(digestFile + " is not a digest: it needs a position and a seal");
            }
            return digest(saved.get("position").asLong(), saved.get("seal").asText());
        }
        if ((digestPosition == null) != (digestSeal == null)) {
            throw usage("--digest-position and --digest-seal go together");
        }
        return digestPosition == null ? null : digest(digestPosition, digestSeal);
    }

    private ChainVerifier.Digest digest(long position, String seal) {
        if (position < 1) {
            throw usage("a digest's position is at least 1, not " + position);
        }
        byte[] bytes;
        try {
            bytes = Seals.fromHex(seal);
        } catch (IllegalArgumentException notHex) {
            throw usage("the digest's seal is not hexadecimal: " + seal);
        }
        if (bytes.length != Seals.LENGTH) {
            throw usage("the digest's seal is " + bytes.length + " bytes, not " + Seals.LENGTH + " (64 hex digits)");
        }
        return new ChainVerifier.Digest(position, bytes);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
