package com.marketplaceledger.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault-injection suite's small run, part of every build: the whole ledger started by the
 * launcher as {@code ./ledger up} starts it (in a data directory and on ports of its own), one fault
 * of each kind under load, and every check of the suite. The full run's figures are in
 * docs/benchmarks.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerSurvivesEveryKindOfFaultTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private Path data;
    private Map<String, String> environment;

    @BeforeAll
    void up() throws Exception {
        data = Files.createTempDirectory("ledger-faults");
        environment = Map.of("LEDGER_DATA_DIR", data.toString(), "LEDGER_EMBEDDED_DB_PORT", Integer.toString(freePort()),
                "LEDGER_COMMAND_PORT", Integer.toString(freePort()), "LEDGER_QUERY_PORT", Integer.toString(freePort()),
                "LEDGER_JAVA_OPTS", "-Xmx384m");
        assertThat(launcher("up")).as("./ledger up").isZero();
    }

    @AfterAll
    void down() throws Exception {
        if (environment != null) {
            launcher("down");
        }
    }

    @Test
    void nothingAcknowledgedIsLostOrDoubledAndTheLedgerComesBackByItselfFromEveryKindOfFault() throws IOException {
        Path out = Path.of("target", "faults");

        int exit = FaultInjection.run("--rounds", "1", "--clients", "2", "--importers", "1", "--lines", "100",
                "--pause", "2s", "--seed", "20",
                "--command-url", "http://localhost:" + environment.get("LEDGER_COMMAND_PORT"),
                "--query-url", "http://localhost:" + environment.get("LEDGER_QUERY_PORT"),
                "--data-dir", data.toString(), "--out", out.toString());

        String report;
        try (Stream<Path> reports = Files.list(out)) {
            report = Files.readString(reports.max(Path::compareTo).orElseThrow());
        }
        assertThat(exit).as(report).isZero();
        for (Fault fault : Fault.values()) {
            assertThat(report).contains("| " + fault.description + " | 1 |");
        }
        for (String check : List.of("every acknowledged command's event exactly once", "no command refused for good",
                "every recovery within 60 s", "every read model equals a fresh rebuild", "the hash chain verifies",
                "no dead letters")) {
            assertThat(report).contains("| " + check + " | yes |");
        }
    }

    /** The launcher, run as ./ledger runs it: from the repository, its jar built before this module. */
    private int launcher(String command) throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> jars = Files.list(ROOT.resolve("launcher/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("launcher-.*\\.jar")).findFirst().orElseThrow();
        }
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), command));
        var builder = new ProcessBuilder(line).directory(ROOT.toFile()).inheritIO();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
