package com.marketplaceledger.launcher;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** down: stops the supervisor, which stops the query side, the command side and the database, in that order. */
@Command(name = "down", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = {
                "Stops the ledger: the supervisor stops the query side and the command side (SIGTERM, at most",
                "30 s each) and then the database (a fast shutdown: its checkpoint may take a while after a",
                "large import), and ends. Parts left running without a supervisor are stopped too."})
final class DownCommand implements Callable<Integer> {

    /** The database's shutdown checkpoint after a large import, the services' graceful stops. */
    private static final Duration PATIENCE = Duration.ofMinutes(20);

    @Override
    public Integer call() throws IOException {
        var installation = new Installation(Settings.fromEnvironment(System.getenv()));
        stop(installation, System.out);
        System.out.println("Marketplace Ledger is stopped.");
        return 0;
    }

    void stop(Installation installation, PrintStream out) throws IOException {
        var supervisor = installation.supervisor();
        if (supervisor.isPresent()) {
            out.println("Stopping the supervisor (pid " + supervisor.get().pid() + "), which stops every part...");
            supervisor.get().destroy();
            if (!Processes.awaitExit(supervisor.get(), PATIENCE)) {
                out.println("  the supervisor did not stop within " + PATIENCE.toMinutes() + " minutes; stopping the parts directly");
                supervisor.get().destroyForcibly();
            }
        }
        // whatever still runs: no supervisor, or one that was killed
        List<Part> parts = installation.parts();
        for (int i = parts.size() - 1; i >= 0; i--) {
            Part part = parts.get(i);
            if (part.adopt()) {
                out.println("Stopping " + part.name() + " (pid " + part.pid().orElse(-1) + ")...");
                part.stop();
            }
        }
        Files.deleteIfExists(installation.statusFile());
        Files.deleteIfExists(installation.supervisorPidFile());
        // nothing runs from the staged jars any more; the next up stages the build's
        Path jars = installation.settings.run().resolve("jars");
        if (Files.isDirectory(jars)) {
            try (Stream<Path> staged = Files.list(jars)) {
                for (Path jar : staged.toList()) {
                    Files.deleteIfExists(jar);
                }
            }
        }
    }
}
