package com.marketplaceledger.launcher;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** A service of the ledger (command side, query side): a Spring Boot jar on a port of its own. */
final class Service implements Part {

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Settings settings;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final Path pidFile;

    private Process process;
    private ProcessHandle handle;
    /** The build's jar as it was at this service's first start, unpacked, kept for its restarts. */
    private Path jar;
    private Process training;

    /** {@code environment}: what the service is told of the database and the tokens it trusts. */
    Service(String name, int port, Settings settings, Map<String, String> environment) {
        this.name = name;
        this.settings = settings;
        this.port = port;
        this.environment = environment;
        this.log = settings.logs().resolve(name + ".log");
        this.pidFile = settings.run().resolve(name + ".pid");
    }

    @Override
    public String name() {
        return name;
    }

    int port() {
        return port;
    }

    @Override
    public boolean adopt() {
        handle = Processes.fromPidFile(pidFile, marker()).orElse(null);
        process = null;
        return handle != null;
    }

    @Override
    public void start() throws IOException {
        if (jar == null) {
            try {
                jar = settings.unpacked(settings.serviceJar(name));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while unpacking " + name, e);
            }
        }
        List<String> command = java();
        // A JVM that ran out of heap may have lost any thread, an event processor's too: it stops
        // instead of answering half-alive, and is started again from its committed tokens.
        command.add("-XX:+ExitOnOutOfMemoryError");
        if (Files.exists(classArchive())) {
            command.add("-XX:SharedArchiveFile=" + classArchive());
        }
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        Files.createDirectories(log.getParent());
        Files.writeString(log, "--- " + Instant.now() + " started by the ledger's supervisor ---\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        var builder = new ProcessBuilder(command).directory(settings.root().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        process = builder.start();
        handle = process.toHandle();
        Processes.writePidFile(pidFile, handle.pid());
    }

    /**
     * Once the service runs, a second JVM at the lowest priority starts its application context
     * once more and exits, leaving a CDS archive of every class it loaded (Spring's training
     * run): a restart that maps the classes from it instead of loading them starts in about half
     * the time, which is most of the time a killed service needs to come back.
     */
    @Override
    public void becameReady() {
        if (jar == null || Files.exists(classArchive()) || (training != null && training.isAlive())) {
            return;
        }
        Path draft = classArchive().resolveSibling("classes.jsa.training");
        List<String> command = new ArrayList<>(List.of("nice", "-n", "19"));
        command.addAll(java());
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + draft, "-Dspring.context.exit=onRefresh"));
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command).directory(settings.root().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(classArchive().resolveSibling("classes.jsa.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            training = builder.start();
            training.onExit().thenAccept(done -> {
                try {
                    if (done.exitValue() == 0 && Files.exists(draft)) {
                        Files.move(draft, classArchive(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Files.deleteIfExists(draft);
                    }
                } catch (IOException ignored) {
                    // no archive: restarts take the ordinary way
                }
            });
        } catch (IOException ignored) {
            // no archive: restarts take the ordinary way
        }
    }

    private Path classArchive() {
        return jar.resolveSibling("classes.jsa");
    }

    private static List<String> java() {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    }

    @Override
    public boolean alive() {
        return handle != null && handle.isAlive();
    }

    @Override
    public boolean ready() {
        if (!alive()) {
            return false;
        }
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(healthUri()).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().matches("(?s).*\"status\"\\s*:\\s*\"UP\".*");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI healthUri() {
        return URI.create("http://localhost:" + port + "/actuator/health");
    }

    @Override
    public OptionalLong pid() {
        return handle == null ? OptionalLong.empty() : OptionalLong.of(handle.pid());
    }

    @Override
    public String exitReason() {
        return process != null && !process.isAlive() ? Processes.exitReason(process.exitValue()) : "stopped";
    }

    @Override
    public String progress() {
        return "";
    }

    /** SIGTERM: Spring Boot shuts down gracefully, its processors release their segments. */
    @Override
    public void stop() {
        if (training != null) {
            training.destroyForcibly();
        }
        if (!alive()) {
            return;
        }
        handle.destroy();
        if (!Processes.awaitExit(handle, STOP_PATIENCE)) {
            handle.destroyForcibly();
            Processes.awaitExit(handle, Duration.ofSeconds(10));
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is recognised as such (its process is gone or is another one)
        }
    }

    /** What only this service's process has on its command line: a pid reused after a reboot is not mistaken for it. */
    private String marker() {
        return "/run/jars/" + name + "-";
    }
}
