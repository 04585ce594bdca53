package com.marketplaceledger.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.access.LedgerTokens;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** The simulator's command line: generate scenarios and feed them to the command side, or write them as NDJSON. */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = "simulate 0.1.0",
        sortOptions = false, usageHelpWidth = 100,
        description = {
                "Generates seeded marketplaces with their ground truth and feeds them to the command side",
                "(POST /merchants, then /merchants/{id}/imports), or writes them as NDJSON.",
                "Prints one JSON line per scenario: merchant id, ground truth and the last position recorded.",
                "Each merchant's requests carry a merchant token for that merchant (valid for a day), signed with",
                "the ledger's signing key (--signing-key; ./ledger up makes it). --out needs no key.",
                "Exit codes: 0 done, 1 the feed failed (unreachable, a refused token or command), 2 usage error."})
public final class Simulate implements Callable<Integer> {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();
    /** How long a minted merchant token is valid: long enough for any feed. */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    static final class Kinds {
        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "one of: ${COMPLETION-CANDIDATES}")
        ScenarioKind kind;

        @Option(names = "--all-kinds", required = true, description = "every kind, one after another")
        boolean all;
    }

    @ArgGroup(multiplicity = "1")
    Kinds kinds;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the first scenario (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "scenarios per kind, seeds --seed, --seed + 1, ... (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--size", defaultValue = "40",
            description = "participants; retail sales for HONEST_RETAILER; at least " + Scenario.MIN_SIZE
                    + " (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--months", defaultValue = "3", description = "months of business (default: ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--url", defaultValue = "http://localhost:${env:LEDGER_COMMAND_PORT:-8080}",
            description = "the command side (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--signing-key", paramLabel = "FILE",
            defaultValue = "${env:LEDGER_SIGNING_KEY:-data/keys/signing-key.pem}",
            description = "the ledger's signing key (PKCS#8 PEM) to mint each simulated merchant's token with; "
                    + "not needed with --out (default: ${DEFAULT-VALUE})")
    Path signingKey;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write NDJSON to FILE ('-': standard output) instead of posting: per scenario its "
                    + "RegisterMerchant line, then its commands")
    Path out;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Simulate()).setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            commandLine.getErr().println("simulate: " + failure.getMessage());
            return 1;
        });
    }

    @Override
    public Integer call() throws IOException {
        List<Scenario> scenarios = scenarios();
        if (out == null) {
            var feeder = new Feeder(url, merchantTokens(signingKey()));
            PrintWriter summaries = spec.commandLine().getOut();
            for (Scenario scenario : scenarios) {
                FeedResult fed = feeder.feed(scenario);
                summaries.println(summary(fed.truth()).put("lastPosition", fed.lastPosition()));
                summaries.flush();
            }
        } else if (out.toString().equals("-")) {
            // the commands take standard output, so the summaries go to standard error
            write(scenarios, new OutputStreamWriter(System.out, StandardCharsets.UTF_8), spec.commandLine().getErr());
        } else {
            try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                write(scenarios, file, spec.commandLine().getOut());
            }
        }
        return 0;
    }

    private List<Scenario> scenarios() {
        if (seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be at least 1");
        }
        List<ScenarioKind> chosen = kinds.all ? List.of(ScenarioKind.values()) : List.of(kinds.kind);
        var scenarios = new ArrayList<Scenario>();
        for (ScenarioKind kind : chosen) {
            for (long n = 0; n < seeds; n++) {
                try {
                    scenarios.add(new Scenario(kind, seed + n, size, months));
                } catch (IllegalArgumentException invalid) {
                    throw new ParameterException(spec.commandLine(), invalid.getMessage());
                }
            }
        }
        return scenarios;
    }

    /** The signing key, or a usage error saying where to get one. */
    private PrivateKey signingKey() {
        try {
            return LedgerTokens.readPrivateKey(signingKey);
        } catch (NoSuchFileException missing) {
            throw new ParameterException(spec.commandLine(), "no signing key at " + signingKey
                    + ": start the ledger with ./ledger up, which makes one, or pass --signing-key");
        } catch (IOException | RuntimeException unreadable) {
            throw new ParameterException(spec.commandLine(), "cannot read the signing key at " + signingKey + ": "
                    + unreadable.getMessage() + " (./ledger up keeps it at data/keys/signing-key.pem; or pass --signing-key)");
        }
    }

    /** A merchant token per merchant id, minted once each. */
    private static Function<String, String> merchantTokens(PrivateKey key) {
        Map<String, String> minted = new HashMap<>();
        return merchantId -> minted.computeIfAbsent(merchantId,
                id -> LedgerTokens.mint(key, LedgerTokens.Grant.merchant(id), TOKEN_LIFETIME));
    }

    private static void write(List<Scenario> scenarios, Writer target, PrintWriter summaries) throws IOException {
        var commands = new BufferedWriter(target, 1 << 16);
        for (Scenario scenario : scenarios) {
            GroundTruth truth = Ndjson.write(scenario, commands);
            commands.flush();
            summaries.println(summary(truth));
            summaries.flush();
        }
    }

    /** A scenario's ground truth as one JSON object, with the people counted. */
    private static ObjectNode summary(GroundTruth truth) {
        ObjectNode summary = JSON.valueToTree(truth);
        summary.put("people", truth.people());
        return summary;
    }
}
