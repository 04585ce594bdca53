package com.marketplaceledger.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The launcher: starts the ledger on this machine, keeps it running, stops it, says how it stands. */
@Command(name = "ledger", mixinStandardHelpOptions = true, version = "ledger launcher 0.1.0", usageHelpWidth = 110,
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, SuperviseCommand.class,
                TokenCommand.class, CommandLine.HelpCommand.class},
        description = {
                "Runs Marketplace Ledger on one machine: the embedded PostgreSQL (unless LEDGER_DB_URL names one of",
                "your own), the command side and the query side, kept running by a supervisor that starts again",
                "whatever stops, with a backoff, and logs each restart (data/logs/supervisor.log).",
                "",
                "Environment: LEDGER_DATA_DIR (data), LEDGER_EMBEDDED_DB_PORT (54329), LEDGER_EMBEDDED_DB_SETTINGS",
                "(name=value,... for PostgreSQL), LEDGER_COMMAND_PORT (8080),",
                "LEDGER_QUERY_PORT (8081), LEDGER_DB_URL / LEDGER_DB_USER / LEDGER_DB_PASSWORD (a PostgreSQL of your",
                "own), LEDGER_JAVA_OPTS (-Xmx512m, both services), LEDGER_TOKEN_MERCHANT (M-hz-001),",
                "LEDGER_JWT_PUBLIC_KEY or SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI (tokens of your own)."})
public final class Ledger implements Callable<Integer> {

    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Ledger()).setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            commandLine.getErr().println("ledger: " + failure.getMessage());
            return FAILED;
        });
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
