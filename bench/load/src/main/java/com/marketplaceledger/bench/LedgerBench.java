package com.marketplaceledger.bench;

import com.marketplaceledger.simulator.ScenarioKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/**
 * The load driver: measures the running ledger ({@code ./ledger up}) over HTTP, each figure beside a
 * baseline measured in the same run and its target (docs/benchmarks.md), and writes the table to
 * {@code bench/results/}. {@code ./ledger bench --help}.
 */
@Command(name = "ledger-bench", mixinStandardHelpOptions = true,
        description = {"Measures the running ledger; prints each figure with its baseline and target and writes them to",
                "--out as <benchmark>-<time>.md and .jsonl. Exit codes: 0 measured, 1 a benchmark failed, 2 usage error."},
        subcommands = {LedgerBench.All.class, LedgerBench.Ingest.class, LedgerBench.Rest.class, LedgerBench.ReplayAll.class,
                LedgerBench.Queries.class, LedgerBench.Footprint.class})
public final class LedgerBench {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new LedgerBench()).execute(args);
    }

    abstract static class Benchmark implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench/results",
                description = "where the results go (default: ${DEFAULT-VALUE})")
        Path out;

        @Override
        public Integer call() throws Exception {
            Results results = new Results();
            measure(results);
            String stem = getClass().getAnnotation(Command.class).name() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            System.out.println("written to " + results.write(out, stem));
            return 0;
        }

        abstract void measure(Results results) throws Exception;
    }

    static final class Load {
        @Option(names = "--kind", defaultValue = "DEEP_TEAM_PAY", description = "the simulated marketplace (default: ${DEFAULT-VALUE})")
        ScenarioKind kind;
        @Option(names = "--merchants", defaultValue = "4", description = "merchants fed at once (default: ${DEFAULT-VALUE})")
        int merchants;
        @Option(names = "--size", defaultValue = "10000", description = "participants of each (default: ${DEFAULT-VALUE})")
        int size;
        @Option(names = "--pause-read-models", description = {"pause the query side's read models during the import, as if "
                + "they ran on other cores; resume them after it and time their catching up"})
        boolean pauseReadModels;
    }

    static final class Traffic {
        @Option(names = "--rate", defaultValue = "500", description = "requests per second, open loop (default: ${DEFAULT-VALUE})")
        int rate;
        @Option(names = "--seconds", defaultValue = "20", description = "length of each load, and of the warm-up before the REST one (default: ${DEFAULT-VALUE})")
        int seconds;
        @Option(names = "--clients", defaultValue = "32", description = "clients at saturation (default: ${DEFAULT-VALUE})")
        int clients;
    }

    static final class Sampling {
        @Option(names = "--samples", defaultValue = "2000", description = "genealogy queries (default: ${DEFAULT-VALUE})")
        int samples;
    }

    @Command(name = "all", mixinStandardHelpOptions = true,
            description = {"ingest, then single commands, replay, genealogy and risk, memory: the whole table in one run;",
                    "each benchmark starts once the read models have caught up with the one before"})
    static final class All extends Benchmark {
        @Mixin Load load;
        @Mixin Traffic traffic;
        @Mixin Sampling sampling;

        @Override
        void measure(Results results) throws Exception {
            Ingestion.run(target, results, load.kind, load.merchants, load.size, load.pauseReadModels);
            Settle.await(target);
            RestCommands.run(target, results, traffic.rate, traffic.seconds, traffic.clients); // waits for the read models itself
            Replay.run(target, results);
            Settle.await(target);
            Genealogy.run(target, results, sampling.samples);
            Memory.run(target, results);
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "bulk ingestion through the import API")
    static final class Ingest extends Benchmark {
        @Mixin Load load;

        @Override
        void measure(Results results) throws Exception {
            Ingestion.run(target, results, load.kind, load.merchants, load.size, load.pauseReadModels);
        }
    }

    @Command(name = "rest", mixinStandardHelpOptions = true, description = "single REST commands: latency at a rate, saturation")
    static final class Rest extends Benchmark {
        @Mixin Traffic traffic;

        @Override
        void measure(Results results) throws Exception {
            Settle.await(target);
            RestCommands.run(target, results, traffic.rate, traffic.seconds, traffic.clients);
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = "rebuild every read model from event 0")
    static final class ReplayAll extends Benchmark {
        @Override
        void measure(Results results) throws Exception {
            Settle.await(target);
            Replay.run(target, results);
        }
    }

    @Command(name = "queries", mixinStandardHelpOptions = true,
            description = "genealogy queries (now and as of a past day) and the risk evaluation of the largest network")
    static final class Queries extends Benchmark {
        @Mixin Sampling sampling;

        @Override
        void measure(Results results) throws Exception {
            Settle.await(target);
            Genealogy.run(target, results, sampling.samples);
        }
    }

    @Command(name = "memory", mixinStandardHelpOptions = true, description = "resident memory and heap of each service")
    static final class Footprint extends Benchmark {
        @Override
        void measure(Results results) throws Exception {
            Memory.run(target, results);
        }
    }
}
