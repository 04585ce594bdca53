package com.marketplaceledger.launcher;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** supervise: the supervisor itself, in the foreground ({@code ./ledger up} starts it in the background). */
@Command(name = "supervise", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = {
                "Runs the supervisor in the foreground: takes over parts that already run, starts the others",
                "(services once the database accepts connections), and starts again whatever stops: after 1 s,",
                "then 2, 4, 8, 16 and at most 30 s while it keeps failing, from 1 s again once it has stayed",
                "ready for a minute. Each start, stop and restart is a line on standard output. SIGTERM (or",
                "./ledger down) stops the query side, the command side, then the database, and ends it.",
                "./ledger up runs it in the background, logging to data/logs/supervisor.log."})
final class SuperviseCommand implements Callable<Integer> {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    @Override
    public Integer call() throws IOException, InterruptedException {
        var installation = new Installation(Settings.fromEnvironment(System.getenv()));
        var other = installation.supervisor().filter(p -> p.pid() != ProcessHandle.current().pid());
        if (other.isPresent()) {
            System.err.println("ledger: a supervisor already runs for " + installation.settings.data() + " (pid "
                    + other.get().pid() + ")");
            return Ledger.FAILED;
        }
        Processes.writePidFile(installation.supervisorPidFile(), ProcessHandle.current().pid());
        // for the tools that find the ledger's database by themselves (./ledger bench)
        Files.writeString(installation.settings.run().resolve("database.url"), installation.settings.databaseUrl() + "\n");
        Supervisor supervisor = installation.supervisor(Clock.systemUTC(), SuperviseCommand::log);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("asked to stop");
            supervisor.stopAll();
            try {
                Files.deleteIfExists(installation.supervisorPidFile());
            } catch (IOException ignored) {
                // a stale pid file is recognised as such
            }
            log("stopped");
        }, "supervisor-stop"));
        log("supervising " + installation.parts().stream().map(Part::name).toList() + " in " + installation.settings.data());
        supervisor.run(INTERVAL);
        return 0;
    }

    static synchronized void log(String line) {
        System.out.println(Instant.now() + " " + line);
        System.out.flush();
    }
}
