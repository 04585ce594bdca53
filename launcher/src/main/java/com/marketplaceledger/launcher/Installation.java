package com.marketplaceledger.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger as this machine runs it: its parts, built from the settings, and the supervisor's
 * files (pid, status, the wake-up request of {@code ./ledger up}).
 */
final class Installation {

    static final String SUPERVISOR_MARKER = "com.marketplaceledger.launcher.Ledger supervise";

    final Settings settings;
    final Database database;
    final Service commandSide;
    final Service querySide;

    Installation(Settings settings) {
        this.settings = settings;
        this.database = settings.embeddedDatabase() ? new Database(settings) : null;
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LEDGER_DB_URL", settings.databaseUrl());
        environment.put("LEDGER_DB_USER", settings.databaseUser());
        environment.put("LEDGER_DB_PASSWORD", settings.databasePassword());
        if (!settings.externalTokens()) {
            environment.put("LEDGER_JWT_PUBLIC_KEY", "file:" + settings.publicKey());
        }
        this.commandSide = new Service("command-side", settings.commandPort(), settings, environment);
        this.querySide = new Service("query-side", settings.queryPort(), settings, environment);
    }

    /** In the order they start; services after the database they need. */
    List<Part> parts() {
        return database == null ? List.of(commandSide, querySide) : List.of(database, commandSide, querySide);
    }

    Supervisor supervisor(Clock clock, java.util.function.Consumer<String> log) {
        var supervisor = new Supervisor(Backoff.DEFAULT, clock, log, statusFile(), wakeFile());
        if (database != null) {
            supervisor.supervise(database, null);
        }
        supervisor.supervise(commandSide, database).supervise(querySide, database);
        return supervisor;
    }

    Path statusFile() {
        return settings.run().resolve("supervisor.json");
    }

    Path wakeFile() {
        return settings.run().resolve("wake");
    }

    Path supervisorPidFile() {
        return settings.run().resolve("supervisor.pid");
    }

    Path supervisorLog() {
        return settings.logs().resolve("supervisor.log");
    }

    /** The supervisor of this data directory, if one runs. */
    Optional<ProcessHandle> supervisor() {
        return Processes.fromPidFile(supervisorPidFile(), SUPERVISOR_MARKER);
    }

    Optional<SupervisorStatus> status() {
        return SupervisorStatus.read(statusFile());
    }

    String url(Service service) {
        return "http://localhost:" + service.port();
    }
}
