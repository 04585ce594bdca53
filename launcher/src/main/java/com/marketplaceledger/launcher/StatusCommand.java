package com.marketplaceledger.launcher;

import picocli.CommandLine.Command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** status: what runs, what is being started again, and every part's restarts. */
@Command(name = "status", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = {"Shows the supervisor and each part: running, starting (with the database's recovery",
                "progress), or stopped and when it is started again; how often the supervisor restarted it,",
                "the last time and why. Exit code 0 when every part runs, 3 otherwise."})
final class StatusCommand implements Callable<Integer> {

    static final int NOT_ALL_RUNNING = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    public Integer call() {
        var installation = new Installation(Settings.fromEnvironment(System.getenv()));
        var supervisor = installation.supervisor();
        var status = installation.status();
        boolean allRunning;
        if (supervisor.isPresent() && status.isPresent()) {
            boolean fresh = Duration.between(status.get().updatedAt(), Instant.now()).toSeconds() < 10;
            System.out.printf("  %-13s running (pid %d) since %s%s%n", "supervisor", supervisor.get().pid(),
                    TIME.format(status.get().startedAt()), fresh ? "" : "; not heard from since " + TIME.format(status.get().updatedAt()));
            allRunning = fresh;
            for (PartStatus part : status.get().parts()) {
                allRunning &= part.running();
                String restarts = part.restarts() == 0 ? "" : "; restarted " + part.restarts() + " time" + (part.restarts() == 1 ? "" : "s");
                String last = part.lastExit() == null ? "" : "; last stopped " + TIME.format(part.lastExitAt()) + ": " + part.lastExit();
                System.out.printf("  %-13s %s%s%s%n", part.name(), describe(installation, part), restarts, last);
            }
        } else {
            System.out.printf("  %-13s not running: nothing is started again if it stops (./ledger up starts it)%n", "supervisor");
            allRunning = false;
            for (Part part : installation.parts()) {
                System.out.printf("  %-13s %s%n", part.name(),
                        part.adopt() ? "running (pid " + part.pid().orElse(-1) + ")" + (part.ready() ? ", ready" : ", not ready") : "stopped");
            }
        }
        System.out.printf("  %-13s %s%n", "database URL", installation.settings.databaseUrl());
        System.out.printf("  %-13s %s%n", "logs", installation.settings.logs());
        return allRunning ? 0 : NOT_ALL_RUNNING;
    }

    private static String describe(Installation installation, PartStatus part) {
        String where = part.name().equals("command-side") ? ", UP at " + installation.url(installation.commandSide)
                : part.name().equals("query-side") ? ", UP at " + installation.url(installation.querySide) : "";
        return part.running() ? "running (pid " + part.pid() + ")" + where : UpCommand.describe(part);
    }
}
