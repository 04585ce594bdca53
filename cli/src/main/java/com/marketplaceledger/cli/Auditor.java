package com.marketplaceledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The auditors' command line: verify an export offline or the store over REST, take a digest, export, replay, history. */
@Command(name = "auditor", mixinStandardHelpOptions = true, version = "auditor 0.1.0",
        usageHelpWidth = 100,
        subcommands = {VerifyCommand.class, DigestCommand.class, ExportCommand.class, ReplayCommand.class,
                HistoryCommand.class, CommandLine.HelpCommand.class},
        description = {
                "Checks that the ledger's history was not altered: verifies an exported file offline (no database),",
                "asks the query side to verify its store, takes digests and exports events with their seals,",
                "rebuilds read models with a progress bar and shows an entity's history.",
                "",
                "Every command that asks the query side sends a bearer token: by default the auditor's token that",
                "./ledger up writes to data/tokens/auditor.jwt; $LEDGER_TOKEN (the token itself) or --token-file FILE",
                "choose another. 'verify --file' works offline and needs none.",
                "",
                "Exit codes: 0 verified (or done), 1 the chain is broken, 2 usage error, 3 the query side or a file",
                "could not be read, or the query side refused the token (401, 403) or the request."})
public final class Auditor implements Callable<Integer> {

    public static final int VERIFIED = 0;
    public static final int BROKEN = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        // picocli answers a usage error with 2 (CommandLine.ExitCode.USAGE) by itself
        return new CommandLine(new Auditor())
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    commandLine.getErr().println(commandLine.getCommandName() + ": " + failure.getMessage());
                    return FAILED;
                });
    }

    /** No command given: say which there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** A failure that is neither a broken chain nor a usage error: unreachable service, refused request, unreadable file. */
    static final class Failure extends RuntimeException {

        Failure(String message) {
            super(message);
        }

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
