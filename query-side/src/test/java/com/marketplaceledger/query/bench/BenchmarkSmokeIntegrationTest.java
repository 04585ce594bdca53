package com.marketplaceledger.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.bench.LedgerBench;
import com.marketplaceledger.query.QuerySideDatabase;
import com.marketplaceledger.query.support.CommandSideProcess;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load driver's smoke run, part of every build: each benchmark, small, against the services
 * under test, so the documented commands keep working. It checks that every figure was measured,
 * never how fast (speed is for the full runs documented in docs/benchmarks.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkSmokeIntegrationTest extends QuerySideIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandSideProcess commandSide;

    @TempDir
    Path work;

    @BeforeAll
    void startCommandSide() throws IOException, InterruptedException {
        commandSide = CommandSideProcess.start(QuerySideDatabase.jdbcUrl());
    }

    @AfterAll
    void stopCommandSide() throws InterruptedException {
        commandSide.close();
    }

    @Test
    void everyBenchmarkMeasuresEveryFigureOfTheTable() throws IOException {
        Path run = runDir("run");
        Path out = work.resolve("results");

        int exit = LedgerBench.run("all", "--command-url", commandSide.baseUrl(), "--query-url", "http://localhost:" + port,
                "--db-url", QuerySideDatabase.jdbcUrl(), "--signing-key", TestTokens.issuer().privateKey().toString(), "--run-dir", run.toString(),
                "--out", out.toString(), "--merchants", "2", "--size", "30", "--rate", "50", "--seconds", "1",
                "--clients", "4", "--samples", "20");

        assertThat(exit).isZero();
        Map<String, JsonNode> figures = figures(out);
        assertThat(figures).containsKeys("bulk ingestion (import API, durable)", "REST command p50 at 50/s",
                "REST command p99 at 50/s", "REST commands at saturation", "replay of every read model",
                "checksums of the rebuilt read models", "genealogy query p99", "genealogy query p99, as of a past day",
                "full risk evaluation of the largest network", "command-side resident memory",
                "command-side heap in use after GC", "query-side resident memory", "query-side heap in use after GC");
        for (String what : List.of("event appended", "event replayed", "command at saturation")) {
            String cpu = "CPU per " + what + ": ";
            assertThat(figures).containsKeys(cpu + "command-side", cpu + "query-side",
                    cpu + "database for the command-side", cpu + "database for the query-side", cpu + "all of the above");
            assertThat(figures.get(cpu + "all of the above").path("value").asDouble()).as(what).isPositive();
        }
        // A short run may cost one part less than a clock tick; all parts together cost more.
        assertThat(figures).allSatisfy((name, figure) -> assertThat(figure.path("value").asDouble()).as(name)
                .isGreaterThanOrEqualTo(name.startsWith("CPU per ") ? 0 : Double.MIN_VALUE));
        for (String withBaseline : List.of("bulk ingestion (import API, durable)", "REST commands at saturation",
                "replay of every read model", "genealogy query p99", "genealogy query p99, as of a past day")) {
            assertThat(figures.get(withBaseline).path("baseline").asDouble()).as(withBaseline).isPositive();
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.matches("all-.*\\.md"));
        }
    }


    @Test
    void ingestionWithTheReadModelsPausedMeasuresTheImportAndThenTheirCatchingUp() throws IOException {
        Path run = runDir("run-paused");
        Path out = work.resolve("results-paused");

        int exit = LedgerBench.run("ingest", "--pause-read-models", "--command-url", commandSide.baseUrl(),
                "--query-url", "http://localhost:" + port, "--db-url", QuerySideDatabase.jdbcUrl(),
                "--signing-key", TestTokens.issuer().privateKey().toString(), "--run-dir", run.toString(),
                "--out", out.toString(), "--merchants", "1", "--size", "30");

        assertThat(exit).isZero();
        Map<String, JsonNode> figures = figures(out);
        assertThat(figures).containsKeys("bulk ingestion, read models paused (import API, durable)",
                "read models catching up after the paused import",
                "CPU per event appended, read models paused: all of the above");
        assertThat(figures).doesNotContainKey("bulk ingestion (import API, durable)");
        assertThat(figures.get("read models catching up after the paused import").path("value").asDouble()).isPositive();
        assertThat(api().ok("/operations/processors").path("processors")).as("resumed after the import")
                .allSatisfy(processor -> assertThat(processor.path("running").asBoolean()).isTrue());
    }

    /** Where ./ledger up would keep the pid files: the command side's process, and this JVM as the query side. */
    private Path runDir(String name) throws IOException {
        Path run = Files.createDirectories(work.resolve(name));
        Files.writeString(run.resolve("command-side.pid"), String.valueOf(commandSide.pid()));
        Files.writeString(run.resolve("query-side.pid"), String.valueOf(ProcessHandle.current().pid()));
        return run;
    }

    private static Map<String, JsonNode> figures(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            Path jsonl = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
            return Files.readAllLines(jsonl).stream().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new IllegalStateException(line, e);
                }
            }).collect(Collectors.toMap(f -> f.path("figure").asText(), Function.identity()));
        }
    }
}
