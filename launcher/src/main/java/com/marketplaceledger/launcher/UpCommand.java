package com.marketplaceledger.launcher;

import com.marketplaceledger.shared.access.LocalIssuer;
import picocli.CommandLine.Command;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * up: starts whatever is not running, leaves what runs alone, and waits until every part is
 * ready, however long the database's crash recovery takes.
 */
@Command(name = "up", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = {
                "Starts the ledger's supervisor in the background (unless one runs already), which takes over",
                "whatever part still runs and starts the others; then waits until the database accepts",
                "connections (after a crash, as long as its recovery takes, showing its progress) and both",
                "services report UP. Unless tokens of your own are configured, it keeps a local signing key",
                "under data/keys and writes 30-day tokens to data/tokens/{merchant,regulator,auditor,admin}.jwt."})
final class UpCommand implements Callable<Integer> {

    /** A service that is not UP this long after it started has a problem a person must look at. */
    private static final Duration SERVICE_START_PATIENCE = Duration.ofMinutes(5);
    /** Starts in a row that ended without the part becoming ready: a crash loop, not a slow start. */
    private static final int FAILED_STARTS = 3;
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var installation = new Installation(Settings.fromEnvironment(System.getenv()));
        Settings settings = installation.settings;
        Files.createDirectories(settings.logs());
        Files.createDirectories(settings.run());
        if (!settings.externalTokens()) {
            LocalIssuer.open(settings.data()).writeTokens(settings.tokenMerchant(), TOKEN_LIFETIME);
        }
        var running = installation.supervisor();
        boolean startedHere = running.isEmpty();
        if (running.isPresent()) {
            out.println("The supervisor already runs (pid " + running.get().pid() + "); asking it to start whatever is not running.");
            Files.writeString(installation.wakeFile(), Instant.now() + "\n");
        } else {
            refuseTakenPorts(installation);
            startSupervisor(installation);
        }
        if (!awaitReady(installation)) {
            if (startedHere) {
                out.println("Stopping what was started...");
                new DownCommand().stop(installation, out);
            } else {
                out.println("The supervisor keeps trying in the background: ./ledger status shows how it stands; ./ledger down stops it all.");
            }
            return Ledger.FAILED;
        }
        printSummary(installation);
        return 0;
    }

    /** A port another program holds would make its part fail over and over: better said now. */
    private void refuseTakenPorts(Installation installation) {
        List<String> taken = new ArrayList<>();
        for (Part part : installation.parts()) {
            int port = part == installation.database ? installation.settings.databasePort() : ((Service) part).port();
            if (!part.adopt() && inUse(port)) {
                taken.add("port " + port + " (" + part.name() + ")");
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException(String.join(", ", taken) + " already in use by another program; stop it, or "
                    + "choose other ports (LEDGER_EMBEDDED_DB_PORT, LEDGER_COMMAND_PORT, LEDGER_QUERY_PORT)");
        }
    }

    private void startSupervisor(Installation installation) throws IOException {
        Path launcherJar = installation.settings.staged(
                Path.of(UpCommand.class.getProtectionDomain().getCodeSource().getLocation().getPath()));
        List<String> command = new ArrayList<>();
        // its own session: a Ctrl-C in this terminal, or the terminal closing, does not reach it
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            command.add("setsid");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:TieredStopAtLevel=1", "-cp", launcherJar.toString(), Ledger.class.getName(), "supervise"));
        out.println("Starting the supervisor (log: " + installation.supervisorLog() + ")...");
        new ProcessBuilder(command).directory(installation.settings.root().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(installation.supervisorLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** Follows the supervisor's status, line by line, until every part runs; false if a part cannot start. */
    private boolean awaitReady(Installation installation) throws InterruptedException {
        Instant began = Instant.now();
        Map<String, String> shown = new HashMap<>();
        Map<String, Integer> restartsAtStart = new HashMap<>();
        while (true) {
            var status = installation.status().filter(s -> !s.updatedAt().isBefore(began.minusSeconds(1)));
            boolean supervisorAlive = installation.supervisor().isPresent();
            if (status.isEmpty() || !supervisorAlive) {
                if (!supervisorAlive && Duration.between(began, Instant.now()).toSeconds() > 15) {
                    out.println("The supervisor stopped; last lines of " + installation.supervisorLog() + ":");
                    Database.tail(installation.supervisorLog(), 4096).forEach(out::println);
                    return false;
                }
                Thread.sleep(200);
                continue;
            }
            boolean allRunning = true;
            for (PartStatus part : status.get().parts()) {
                restartsAtStart.putIfAbsent(part.name(), part.restarts());
                String line = describe(part);
                if (!Objects.equals(shown.put(part.name(), line), line)) {
                    out.printf("  %-13s %s%n", part.name(), line);
                }
                allRunning &= part.running();
                if (part.restarts() - restartsAtStart.get(part.name()) >= FAILED_STARTS && !part.running()) {
                    return failed(installation, part, "stopped " + FAILED_STARTS + " times in a row");
                }
                if ("STARTING".equals(part.state()) && !part.name().equals("database") && part.startedAt() != null
                        && Duration.between(part.startedAt(), Instant.now()).compareTo(SERVICE_START_PATIENCE) > 0) {
                    return failed(installation, part, "not UP " + SERVICE_START_PATIENCE.toMinutes() + " minutes after its start");
                }
            }
            if (allRunning) {
                return true;
            }
            Thread.sleep(500);
        }
    }

    private boolean failed(Installation installation, PartStatus part, String why) {
        Path log = installation.settings.logs().resolve((part.name().equals("database") ? "postgres" : part.name()) + ".log");
        out.println(part.name() + " " + why + (part.lastExit() == null ? "" : " (last: " + part.lastExit() + ")")
                + "; last lines of " + log + ":");
        Database.tail(log, 6000).forEach(out::println);
        return false;
    }

    static String describe(PartStatus part) {
        return switch (part.state()) {
            case "RUNNING" -> "running (pid " + part.pid() + ")";
            case "STARTING" -> "starting (pid " + part.pid() + ")" + (part.progress().isEmpty() ? "" : ": " + part.progress());
            case "WAITING" -> "waiting for the database";
            case "PENDING" -> "about to start";
            case "RESTARTING" -> "stopped (" + part.lastExit() + "); starting again at " + part.nextStartAt();
            default -> part.state().toLowerCase();
        };
    }

    private void printSummary(Installation installation) {
        Settings settings = installation.settings;
        out.println();
        out.println("Marketplace Ledger is running.");
        out.printf("  merchant API (command side)  %s   (Swagger UI: %s/swagger-ui.html)%n",
                installation.url(installation.commandSide), installation.url(installation.commandSide));
        out.printf("  query side                   %s%n", installation.url(installation.querySide));
        out.printf("  database                     %s%n", settings.databaseUrl());
        out.printf("  logs                         %s%n", settings.logs());
        if (!settings.externalTokens()) {
            Path tokens = settings.data().resolve("tokens");
            tokens = tokens.startsWith(settings.root()) ? settings.root().relativize(tokens) : tokens;
            out.printf("  bearer tokens (30 days)      %s/merchant.jwt (merchant %s), regulator.jwt, auditor.jwt, admin.jwt;%n",
                    tokens, settings.tokenMerchant());
            out.printf("                               send one as: -H \"Authorization: Bearer $(cat %s/regulator.jwt)\"%n", tokens);
        }
        out.println("A part that stops is started again by the supervisor; ./ledger status shows it. Stop it all with: ./ledger down");
    }

    private static boolean inUse(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException free) {
            return false;
        }
    }
}
