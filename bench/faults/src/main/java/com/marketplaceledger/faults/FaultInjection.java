package com.marketplaceledger.faults;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * The fault-injection suite: under a load of single commands (with and without Idempotency-Key)
 * and bulk imports, kills the running ledger's parts in random order, round after round, measures
 * how long the ledger takes to be healthy again by itself, and at the end checks from the ledger
 * itself that nothing acknowledged was lost or recorded twice, that the read models equal a fresh
 * rebuild, that the hash chain verifies and that no event waits in a dead-letter queue.
 */
@Command(name = "faults", mixinStandardHelpOptions = true, usageHelpWidth = 110, sortOptions = false,
        description = {
                "Runs against the ledger that ./ledger up started (its supervisor starts again what is killed):",
                "  ./ledger faults --rounds 20       20 faults of each kind, in random order, under load",
                "Kinds: kill -9 of the command side, of the query side, of PostgreSQL (every process of it), of",
                "all three at once; PostgreSQL's fast and immediate shutdowns. Prints each fault's recovery time",
                "and the checks, writes them to --out. Exit code 0 when every check passed and every recovery",
                "took at most --recovery-limit, 1 otherwise, 2 on a usage error."})
public final class FaultInjection implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "20", description = "faults of each kind (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--kinds", split = ",", paramLabel = "KIND", description = "only these kinds (default: all): ${COMPLETION-CANDIDATES}")
    List<Fault> kinds = new ArrayList<>(List.of(Fault.values()));

    @Option(names = "--clients", defaultValue = "4", description = "merchants sending single commands (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--importers", defaultValue = "2", description = "merchants sending bulk imports (default: ${DEFAULT-VALUE})")
    int importers;

    @Option(names = "--lines", defaultValue = "500", description = "lines of each import (default: ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--rate", defaultValue = "25", description = {"commands a second of each command client at most; "
            + "0: each as soon as the one before was answered, which saturates the machine (default: ${DEFAULT-VALUE})"})
    int rate;

    @Option(names = "--import-pause", defaultValue = "2s", paramLabel = "DURATION",
            description = "an import client's pause between one import answered and the next (default: ${DEFAULT-VALUE})")
    String importPause;

    @Option(names = "--pause", defaultValue = "3s", paramLabel = "DURATION",
            description = "load between the ledger being healthy again and the next fault, at most (default: ${DEFAULT-VALUE})")
    String pause;

    @Option(names = "--recovery-limit", defaultValue = "60s", paramLabel = "DURATION",
            description = "longest a recovery may take (default: ${DEFAULT-VALUE})")
    String recoveryLimit;

    @Option(names = "--seed", description = "the random order and load (default: the time)")
    Long seed;

    @Option(names = "--command-url", defaultValue = "http://localhost:${env:LEDGER_COMMAND_PORT:-8080}", description = "(default: ${DEFAULT-VALUE})")
    URI commandSide;

    @Option(names = "--query-url", defaultValue = "http://localhost:${env:LEDGER_QUERY_PORT:-8081}", description = "(default: ${DEFAULT-VALUE})")
    URI querySide;

    @Option(names = "--data-dir", defaultValue = "${env:LEDGER_DATA_DIR:-data}", description = "the ledger's data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--db-url", description = "the ledger's database (default: what ./ledger up wrote to DATA/run/database.url)")
    String databaseUrl;

    @Option(names = "--out", defaultValue = "bench/results", description = "where the report goes (default: ${DEFAULT-VALUE})")
    Path out;

    /** One fault and how the ledger came back. */
    record Recovery(int round, Fault fault, List<Long> pids, Duration healthy, Duration commandsAgain) {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new FaultInjection()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        long runSeed = seed != null ? seed : System.currentTimeMillis();
        Random random = new Random(runSeed);
        Duration limit = duration(recoveryLimit);
        Duration between = duration(pause);
        var ledger = new RunningLedger(commandSide, querySide, data, databaseUrl);
        Instant started = Instant.now();
        awaitHealthy(ledger, Duration.ofMinutes(5));

        // a run of its own, whatever the seed: merchants of an earlier run with the same seed are not this run's
        String run = "FI-" + Long.toString(System.currentTimeMillis() / 1000, 36) + "-";
        var acks = new Acknowledgements();
        var load = new Clients(ledger, acks);
        for (int i = 0; i < clients; i++) {
            load.startCommandClient(new Business(run + "C" + i, random.nextLong()), rate);
        }
        for (int i = 0; i < importers; i++) {
            load.startImportClient(new Business(run + "I" + i, random.nextLong()), lines, duration(importPause));
        }
        List<Fault> faults = new ArrayList<>();
        kinds.forEach(kind -> faults.addAll(Collections.nCopies(rounds, kind)));
        Collections.shuffle(faults, random);
        say("%d faults (%s) under %d command clients (%s) and %d import clients of %d lines (%s apart); seed %d",
                faults.size(), kinds, clients, rate == 0 ? "as fast as answered" : "at most " + rate + "/s each", importers,
                lines, importPause, runSeed);

        List<Recovery> recoveries = new ArrayList<>();
        Thread.sleep(between.toMillis());
        for (int i = 0; i < faults.size(); i++) {
            Thread.sleep(between.toMillis() / 2 + (long) (random.nextDouble() * between.toMillis() / 2));
            Recovery recovery = inflict(ledger, acks, i + 1, faults.get(i));
            recoveries.add(recovery);
            say("%3d/%d %-28s healthy again after %5.1f s, commands answered again after %s", i + 1, faults.size(),
                    recovery.fault(), seconds(recovery.healthy()), recovery.commandsAgain() == null ? "-" : "%.1f s".formatted(seconds(recovery.commandsAgain())));
            if (recovery.healthy().compareTo(Duration.ofMinutes(10)) >= 0) {
                say("the ledger did not come back within 10 minutes: the run stops here");
                break;
            }
        }
        say("stopping the load; every client finishes the command under way");
        load.stop();

        var checks = new LedgerChecks(ledger);
        List<LedgerChecks.Check> results = new ArrayList<>();
        results.add(checks.everyAcknowledgedEventExactlyOnce(acks, run));
        results.add(new LedgerChecks.Check("no command refused for good", acks.refusals().isEmpty(),
                acks.refusals().isEmpty() ? "none" : acks.refusals().size() + ": " + acks.refusals().subList(0, Math.min(5, acks.refusals().size()))));
        results.add(new LedgerChecks.Check("every recovery within " + limit.toSeconds() + " s",
                recoveries.stream().allMatch(r -> r.healthy().compareTo(limit) <= 0) && recoveries.size() == faults.size(),
                "%d of %d faults inflicted".formatted(recoveries.size(), faults.size())));
        results.add(checks.readModelsEqualAFreshRebuild());
        results.add(checks.hashChainVerifies());
        results.add(checks.noDeadLetters());
        String report = report(runSeed, started, acks, recoveries, results);
        System.out.println(report);
        Files.createDirectories(out);
        Path file = out.resolve("faults-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report);
        say("written to %s", file);
        return results.stream().allMatch(LedgerChecks.Check::passed) ? 0 : 1;
    }

    /** Inflicts the fault, waits until the processes it hit have gone, then until the ledger is healthy again. */
    private static Recovery inflict(RunningLedger ledger, Acknowledgements acks, int round, Fault fault)
            throws IOException, InterruptedException {
        Instant at = Instant.now();
        List<Long> pids = fault.inflict(ledger);
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        }
        awaitHealthy(ledger, Duration.ofMinutes(10));
        Duration healthy = Duration.between(at, Instant.now());
        Instant again = acks.firstAfter(at);
        Instant deadline = Instant.now().plusSeconds(30);
        while (again == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            again = acks.firstAfter(at);
        }
        return new Recovery(round, fault, pids, healthy, again == null ? null : Duration.between(at, again));
    }

    private static Duration awaitHealthy(RunningLedger ledger, Duration patience) throws InterruptedException {
        Instant start = Instant.now();
        while (!ledger.healthy()) {
            if (Duration.between(start, Instant.now()).compareTo(patience) > 0) {
                return patience;
            }
            Thread.sleep(200);
        }
        return Duration.between(start, Instant.now());
    }

    private String report(long runSeed, Instant started, Acknowledgements acks, List<Recovery> recoveries,
                          List<LedgerChecks.Check> results) {
        var text = new StringBuilder();
        text.append("# Fault injection, %s%n%n".formatted(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        text.append("Seed %d; %d rounds of %s; %d command clients (%s), %d import clients of %d lines (%s apart); %d s in all.%n%n".formatted(
                runSeed, rounds, kinds, clients, rate == 0 ? "as fast as answered" : "at most " + rate + " commands/s each",
                importers, lines, importPause, seconds));
        text.append("Load: %,d single commands acknowledged (%,d with an Idempotency-Key), %,d import lines (%.0f commands and lines a second); %,d requests sent again, %,d imports sent again whole; %,d answers \"already recorded\".%n%n"
                .formatted(acks.commands.get(), acks.withKey.get(), acks.importLines.get(),
                        (acks.commands.get() + acks.importLines.get()) / (double) Math.max(1, seconds), acks.retries.get(),
                        acks.importsSentAgain.get(), acks.answeredAlreadyRecorded.get()));
        text.append("| fault | faults | healthy again: median | max | commands answered again: median | max |\n|---|---|---|---|---|---|\n");
        Map<Fault, List<Recovery>> byFault = new EnumMap<>(Fault.class);
        recoveries.forEach(r -> byFault.computeIfAbsent(r.fault(), f -> new ArrayList<>()).add(r));
        byFault.forEach((fault, list) -> {
            List<Duration> healthy = list.stream().map(Recovery::healthy).sorted().toList();
            List<Duration> again = list.stream().map(Recovery::commandsAgain).filter(d -> d != null).sorted().toList();
            text.append("| %s | %d | %.1f s | %.1f s | %s | %s |%n".formatted(fault.description, list.size(),
                    seconds(healthy.get(healthy.size() / 2)), seconds(healthy.get(healthy.size() - 1)),
                    again.isEmpty() ? "-" : "%.1f s".formatted(seconds(again.get(again.size() / 2))),
                    again.isEmpty() ? "-" : "%.1f s".formatted(seconds(again.get(again.size() - 1)))));
        });
        text.append("\n| check | passed | found |\n|---|---|---|\n");
        results.forEach(check -> text.append("| %s | %s | %s |%n".formatted(check.name(), check.passed() ? "yes" : "**no**",
                check.detail().replace("|", "\\|"))));
        return text.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase());
    }

    private static void say(String format, Object... args) {
        System.out.printf("%s %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), format.formatted(args));
    }
}
