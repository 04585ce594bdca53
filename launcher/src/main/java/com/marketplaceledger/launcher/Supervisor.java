package com.marketplaceledger.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Keeps the ledger's parts running: a part that stops is started again after a backoff, each
 * restart logged and counted; a service is started only once the database it needs accepts
 * connections. Parts that already run when it starts (left by a supervisor that was killed) are
 * taken over, not started twice. It looks at its parts every {@code interval} and writes what it
 * saw to the status file.
 */
final class Supervisor {

    /** A readiness probe that takes longer counts as "not ready": a probe must not hold up the next look. */
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(4);

    private final List<Supervised> parts = new ArrayList<>();
    private final ExecutorService probing = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "readiness-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final Backoff backoff;
    private final Clock clock;
    private final Consumer<String> log;
    private final Path statusFile;
    private final Path wakeFile;
    private final Instant startedAt;
    private volatile boolean stopping;

    Supervisor(Backoff backoff, Clock clock, Consumer<String> log, Path statusFile, Path wakeFile) {
        this.backoff = backoff;
        this.clock = clock;
        this.log = log;
        this.statusFile = statusFile;
        this.wakeFile = wakeFile;
        this.startedAt = clock.instant();
    }

    /** Adds a part, started only while {@code needs} (if not null) is ready. Parts start in the order added. */
    Supervisor supervise(Part part, Part needs) {
        parts.add(new Supervised(part, needs));
        return this;
    }

    /** Takes over whatever already runs. */
    void adoptRunning() {
        for (Supervised s : parts) {
            if (s.part.adopt()) {
                s.running = true;
                s.ranBefore = true;
                s.startedAt = clock.instant();
                log.accept(s.part.name() + " already runs (pid " + s.part.pid().orElse(-1) + "): taken over, not started again");
            }
        }
    }

    /**
     * Looks at every part once: notes what stopped, starts what is due, asks the running parts
     * whether they are ready (all at once, so that a service slow to answer while its database is
     * down does not hold up the restart of the database), writes the status.
     */
    synchronized void tick() {
        Instant now = clock.instant();
        if (wakeFile != null && Files.exists(wakeFile)) {
            // ./ledger up asks for every stopped part to be tried again now, whatever its backoff
            parts.forEach(s -> s.nextStartAt = null);
            try {
                Files.deleteIfExists(wakeFile);
            } catch (IOException ignored) {
                // asked again next time
            }
        }
        for (Supervised s : parts) {
            s.observeLife(now);
        }
        for (Supervised s : parts) {
            if (!stopping && s.due(now) && (s.needs == null || find(s.needs).ready)) {
                s.start(now);
            }
        }
        Map<Supervised, CompletableFuture<Boolean>> probes = new LinkedHashMap<>();
        for (Supervised s : parts) {
            probes.put(s, s.running ? CompletableFuture.supplyAsync(s.part::ready, probing) : CompletableFuture.completedFuture(false));
        }
        Instant probed = clock.instant();
        probes.forEach((s, probe) -> s.observeReadiness(probed, answer(probe)));
        writeStatus(probed);
    }

    private static boolean answer(CompletableFuture<Boolean> probe) {
        try {
            return probe.get(PROBE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ticks every {@code interval} until {@link #stopAll()} is called. */
    void run(Duration interval) throws InterruptedException {
        adoptRunning();
        while (!stopping) {
            try {
                tick();
            } catch (RuntimeException e) {
                log.accept("a look at the parts failed, trying again: " + e);
            }
            Thread.sleep(interval.toMillis());
        }
    }

    /** Stops every part, the last started first, and starts nothing more. */
    synchronized void stopAll() {
        stopping = true;
        for (int i = parts.size() - 1; i >= 0; i--) {
            Supervised s = parts.get(i);
            if (s.part.alive()) {
                log.accept("stopping " + s.part.name() + " (pid " + s.part.pid().orElse(-1) + ")");
                s.part.stop();
                log.accept(s.part.name() + " stopped");
            }
            s.running = false;
            s.state = "STOPPED";
        }
        writeStatus(clock.instant());
    }

    List<PartStatus> status() {
        return parts.stream().map(Supervised::status).toList();
    }

    private void writeStatus(Instant now) {
        if (statusFile == null) {
            return;
        }
        try {
            new SupervisorStatus(ProcessHandle.current().pid(), startedAt, now, status()).write(statusFile);
        } catch (IOException e) {
            log.accept("could not write " + statusFile + ": " + e.getMessage());
        }
    }

    private Supervised find(Part part) {
        return parts.stream().filter(s -> s.part == part).findFirst()
                .orElseThrow(() -> new IllegalStateException(part.name() + " is not supervised"));
    }

    /** A part and what the supervisor knows of it. */
    private final class Supervised {

        final Part part;
        final Part needs;
        boolean running;
        boolean ready;
        boolean ranBefore;
        boolean wasReady;
        int failures;
        int restarts;
        Instant startedAt;
        Instant readySince;
        Instant nextStartAt;
        String lastExit;
        Instant lastExitAt;
        String state = "STOPPED";

        Supervised(Part part, Part needs) {
            this.part = part;
            this.needs = needs;
        }

        void observeLife(Instant now) {
            if (running && !part.alive()) {
                running = false;
                ready = false;
                readySince = null;
                lastExit = part.exitReason();
                lastExitAt = now;
                failures++;
                nextStartAt = now.plus(backoff.delay(failures));
                log.accept(part.name() + " stopped (" + lastExit + "); starting it again in "
                        + backoff.delay(failures).toMillis() / 1000.0 + " s");
            }
        }

        void observeReadiness(Instant now, boolean nowReady) {
            if (running) {
                if (nowReady && !ready) {
                    readySince = now;
                    failures = 0;
                    log.accept(part.name() + " is ready" + (wasReady ? " again"
                            : startedAt == null ? "" : " (" + Duration.between(startedAt, now).toMillis() / 1000.0 + " s after its start)"));
                    if (!wasReady) {
                        part.becameReady();
                    }
                    wasReady = true;
                } else if (!nowReady && ready) {
                    readySince = null;
                    log.accept(part.name() + " runs but is not ready any more");
                }
                ready = nowReady;
            }
            state = running ? (ready ? "RUNNING" : "STARTING")
                    : stopping ? "STOPPED"
                    : nextStartAt != null && now.isBefore(nextStartAt) ? "RESTARTING"
                    : needs != null && !find(needs).ready ? "WAITING" : "PENDING";
        }

        boolean due(Instant now) {
            return !running && (nextStartAt == null || !now.isBefore(nextStartAt));
        }

        void start(Instant now) {
            try {
                part.start();
                running = true;
                wasReady = false;
                startedAt = now;
                if (ranBefore) {
                    restarts++;
                }
                ranBefore = true;
                nextStartAt = null;
                state = "STARTING";
                log.accept((restarts > 0 ? "started " + part.name() + " again (restart " + restarts + ")" : "started " + part.name())
                        + ", pid " + part.pid().orElse(-1));
            } catch (IOException | RuntimeException | LinkageError e) {
                failures++;
                lastExit = "could not start: " + (e.getMessage() == null ? e.toString() : e.getMessage());
                lastExitAt = now;
                nextStartAt = now.plus(backoff.delay(failures));
                log.accept(part.name() + " " + lastExit + "; trying again in " + backoff.delay(failures).toSeconds() + " s");
            }
        }

        PartStatus status() {
            return new PartStatus(part.name(), state, part.pid().isPresent() && running ? part.pid().getAsLong() : null,
                    running ? startedAt : null, readySince, restarts, lastExit, lastExitAt,
                    running ? null : nextStartAt, running && !ready ? part.progress() : "");
        }
    }
}
