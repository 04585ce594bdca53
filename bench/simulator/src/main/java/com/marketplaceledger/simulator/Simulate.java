package com.marketplaceledger.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.shared.LedgerJson;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The simulator's command line: generate scenarios and feed them to the command side, or write them as NDJSON. */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = "simulate 0.1.0",
        sortOptions = false, usageHelpWidth = 100,
        description = {
                "Generates seeded marketplaces with their ground truth and feeds them to the command side",
                "(POST /merchants, then /merchants/{id}/imports), or writes them as NDJSON.",
                "Prints one JSON line per scenario: merchant id, ground truth and the last position recorded."})
public final class Simulate implements Callable<Integer> {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

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
            var feeder = new Feeder(url);
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
