package com.marketplaceledger.query.operations;

import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.axon.web.QueryRefused;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rebuilds read models from event 0: the processor is shut down, its dead letters are dropped and
 * its tokens reset in one transaction (the reset calls the projection's {@code @ResetHandler},
 * which empties its tables), and it is started again to replay the whole stream.
 * <p>
 * A processor counts as replaying from the moment a rebuild is asked for until every segment's
 * token has passed the position it held at the reset. That is read from the committed tokens,
 * not from Axon's {@code isReplaying()}, which says false before the segments are claimed again
 * and stays true after the replay has reached the old position until a newer event arrives.
 */
@Component
public class ReadModelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final long POLL_MILLIS = 20;

    private final ReadModelProcessors processors;
    private final JdbcTemplate jdbc;
    private final TokenSchema tokens;
    private final Serializer serializer;
    private final EventPositions positions;
    /** Processors between the rebuild's request and its reset tokens being committed. */
    private final Set<String> starting = ConcurrentHashMap.newKeySet();
    /** Each read model's latest rebuild started on this instance. */
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final Object admission = new Object();

    private volatile Duration shutdownTimeout;

    ReadModelRebuilds(ReadModelProcessors processors, JdbcTemplate jdbc, TokenSchema tokens, Serializer serializer,
                      EventPositions positions,
                      @Value("${ledger.operations.shutdown-timeout:30s}") Duration shutdownTimeout) {
        this.processors = processors;
        this.positions = positions;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.serializer = serializer;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** A rebuild: when it began and the head of the stream it replays up to. */
    record Replay(Instant startedAt, long targetPosition, Instant finishedAt) {
    }

    /** The latest rebuild of the read model started on this instance. */
    Optional<Replay> latestReplay(String processor) {
        processors.require(processor);
        return Optional.ofNullable(replays.get(processor));
    }

    /** When the latest rebuild was first seen caught up: {@code now}, unless seen before. */
    Instant finished(String processor, Instant now) {
        Replay replay = replays.computeIfPresent(processor,
                (name, r) -> r.finishedAt() == null ? new Replay(r.startedAt(), r.targetPosition(), now) : r);
        return replay == null ? null : replay.finishedAt();
    }

    /** Sets how long a rebuild waits for a processor to stop; returns the previous value. For tests. */
    Duration shutdownTimeout(Duration timeout) {
        Duration previous = shutdownTimeout;
        shutdownTimeout = timeout;
        return previous;
    }

    /**
     * Starts rebuilding one read model and returns once its replay has begun.
     *
     * @throws QueryRefused 404 for an unknown processor, 409 while it is still replaying (rule
     *                      {@code rebuild-in-progress}), or when it cannot be reset here
     */
    public void rebuild(String processor) {
        processors.require(processor);
        admit(List.of(processor));
        rebuildAdmitted(processor);
    }

    /**
     * Starts rebuilding every read model; refused as a whole (409) while any of them is still
     * replaying.
     *
     * @return the processors rebuilt
     */
    public List<String> rebuildAll() {
        List<String> all = processors.names();
        admit(all);
        for (int i = 0; i < all.size(); i++) {
            try {
                rebuildAdmitted(all.get(i));
            } catch (RuntimeException e) {
                all.subList(i + 1, all.size()).forEach(starting::remove);
                throw e instanceof QueryRefused refused ? refused.with("rebuilding", all.subList(0, i)) : e;
            }
        }
        return all;
    }

    /** Whether a rebuild of the processor has been asked for and its replay has not yet caught up. */
    public boolean isReplaying(String processor) {
        processors.require(processor);
        return starting.contains(processor) || replayUnfinished(processor);
    }

    /** The processors still replaying, sorted. */
    public List<String> replaying() {
        return processors.names().stream().filter(this::isReplaying).toList();
    }

    /** The 409 for an operation asked while these processors replay; {@code advice} is the detail that says what to do. */
    static QueryRefused stillReplaying(List<String> replaying, String advice) {
        return new QueryRefused(HttpStatus.CONFLICT, "rebuild-in-progress", "processor", advice,
                Map.of("processors", String.join(", ", replaying)))
                .with("replaying", replaying);
    }

    /**
     * Waits until the processor's replay has caught up with the position it had at the reset.
     *
     * @throws IllegalStateException if it has not within {@code timeout}
     */
    public void awaitRebuilt(String processor, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isReplaying(processor)) {
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("the rebuild of " + processor + " has not caught up after " + timeout);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void admit(List<String> requested) {
        synchronized (admission) {
            List<String> busy = requested.stream().filter(this::isReplaying).toList();
            if (!busy.isEmpty()) {
                throw stillReplaying(busy, "wait");
            }
            starting.addAll(requested);
        }
    }

    private void rebuildAdmitted(String name) {
        StreamingEventProcessor processor = processors.require(name);
        try {
            if (!processor.supportsReset()) {
                throw new QueryRefused(HttpStatus.CONFLICT, "rebuild-not-supported", "processor", null, Map.of("name", name));
            }
            log.info("rebuilding read model {}: shutting its processor down", name);
            stop(name);
            replays.put(name, new Replay(Instant.now(), positions.head(), null));
            try {
                processors.transactions().executeInTransaction(() -> {
                    processors.deadLetterQueue(name).ifPresent(queue -> queue.clear());
                    processor.resetTokens();
                });
            } catch (UnableToClaimTokenException e) {
                throw new QueryRefused(HttpStatus.CONFLICT, "processor-claimed-elsewhere", "processor", null,
                        Map.of("name", name));
            } finally {
                processor.start();
            }
            log.info("rebuilding read model {}: replaying from event 0", name);
        } finally {
            starting.remove(name);
        }
    }

    /**
     * Shuts the processor down, waiting a bounded time: a processor that does not stop (a batch
     * that hangs) is left to finish stopping and then started again as it was (not reset, not paused).
     */
    void stop(String name) {
        StreamingEventProcessor processor = processors.require(name);
        CompletableFuture<Void> stopped = processor.shutdownAsync();
        try {
            stopped.get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("the processor of {} did not stop within {}; it is started again once it has stopped", name,
                    shutdownTimeout);
            stopped.thenRun(processor::start);
            throw new QueryRefused(HttpStatus.SERVICE_UNAVAILABLE, "processor-not-stopping", "processor", null,
                    Map.of("name", name, "seconds", shutdownTimeout.toSeconds()))
                    .retryAfter(30);
        } catch (ExecutionException e) {
            log.warn("the processor of {} failed to stop cleanly; it counts as stopped", name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.thenRun(processor::start);
            throw new IllegalStateException("interrupted while stopping the processor of " + name, e);
        }
    }

    /** Whether any segment's committed token is a replay that has not passed its reset position. */
    private boolean replayUnfinished(String processor) {
        List<TrackingToken> segments = new ArrayList<>();
        jdbc.query("SELECT " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn() + " FROM " + tokens.tokenTable()
                        + " WHERE " + tokens.processorNameColumn() + " = ?",
                row -> {
                    byte[] token = row.getBytes(1);
                    String type = row.getString(2);
                    if (token != null && type != null) {
                        segments.add(serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null)));
                    }
                }, processor);
        return segments.stream().anyMatch(ReadModelRebuilds::replayUnfinished);
    }

    static boolean replayUnfinished(TrackingToken token) {
        ReplayToken replay = token instanceof ReplayToken r ? r : WrappedToken.unwrap(token, ReplayToken.class).orElse(null);
        if (replay == null || replay.getTokenAtReset() == null) {
            return false;
        }
        TrackingToken target = WrappedToken.unwrapUpperBound(replay.getTokenAtReset());
        // Just after a segment is claimed, Axon may store a replay token wrapping another one that
        // has not started (no lower bound): not started either.
        TrackingToken reached = replay.getCurrentToken() == null ? null : WrappedToken.unwrapLowerBound(replay.getCurrentToken());
        return target != null && (reached == null || !reached.covers(target));
    }
}
