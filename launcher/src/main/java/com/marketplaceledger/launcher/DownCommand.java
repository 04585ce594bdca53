package com.marketplaceledger.launcher;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        removeOlderStagedJars(installation.settings.run().resolve("jars"));
    }

    /**
     * Nothing runs from the staged jars any more: of each part only the newest stays (with its
     * class archive, which the next start of the same build uses).
     */
    private static void removeOlderStagedJars(Path jars) throws IOException {
        if (!Files.isDirectory(jars)) {
            return;
        }
        Map<String, List<Path>> byPart = new HashMap<>();
        try (Stream<Path> staged = Files.list(jars)) {
            staged.forEach(path -> byPart.computeIfAbsent(path.getFileName().toString()
                    .replaceFirst("-[0-9a-f]{12}(\\.jar)?$", ""), name -> new ArrayList<>()).add(path));
        }
        for (List<Path> versions : byPart.values()) {
            versions.sort(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed());
            for (Path old : versions.subList(1, versions.size())) {
                try (Stream<Path> tree = Files.walk(old)) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }
}
