package com.marketplaceledger.query.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations of the read models through real HTTP, a real PostgreSQL and the pooled processor
 * of a test-only read model ({@link PoisonTestProjection}: two segments, batches of up to 10 events).
 */
class OperationsIntegrationTest extends QuerySideIntegrationTest {

    private static final String POISON_TEST = PoisonTestProjection.NAME;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong RUN = new AtomicLong();

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PoisonTestProjection projection;
    @Autowired
    ReadModelRebuilds rebuilds;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    private OperationsHttp http;
    private String run;

    @BeforeEach
    void setUp() throws InterruptedException {
        http = new OperationsHttp(port);
        run = UUID.randomUUID().toString().substring(0, 8) + "-" + RUN.incrementAndGet();
        projection.poisoned = false;
        projection.release();
        for (String processor : rebuilds.replaying()) {
            rebuilds.awaitRebuilt(processor, WAIT);
        }
        transactions.executeInTransaction(() -> processing.deadLetterQueue(POISON_TEST).orElseThrow().clear());
    }

    @AfterEach
    void release() {
        projection.poisoned = false;
        projection.release();
    }

    @Test
    void every_read_model_processor_has_a_jdbc_dead_letter_queue_and_a_dead_letter_processor() {
        List<String> names = processing.eventProcessors().keySet().stream().sorted().toList();
        assertThat(names).contains(POISON_TEST);
        assertThat(processing.eventProcessor(POISON_TEST)).get().isInstanceOf(PooledStreamingEventProcessor.class);
        for (String name : names) {
            assertThat(processing.deadLetterQueue(name)).as(name).get().isInstanceOf(JdbcSequencedDeadLetterQueue.class);
            assertThat(processing.sequencedDeadLetterProcessor(name)).as(name).isPresent();
        }

        JsonNode listed = http.get("/operations/processors").ok(200).get("processors");
        assertThat(StreamSupport.stream(listed.spliterator(), false).map(p -> p.get("name").asText()).toList())
                .isEqualTo(names);
        JsonNode poisonTest = processor(listed, POISON_TEST);
        assertThat(poisonTest.get("running").asBoolean()).isTrue();
        assertThat(poisonTest.get("error").asBoolean()).isFalse();
        assertThat(poisonTest.get("replaying").asBoolean()).isFalse();
        assertThat(poisonTest.get("supportsReset").asBoolean()).isTrue();
        assertThat(poisonTest.get("deadLetters").asLong()).isZero();
        awaitThat("both segments of poison-test are claimed",
                () -> processor(http.get("/operations/processors").ok(200).get("processors"), POISON_TEST)
                        .get("segments").size() == 2);
        JsonNode segments = processor(http.get("/operations/processors").ok(200).get("processors"), POISON_TEST)
                .get("segments");
        assertThat(segments.get(0).get("segment").asInt()).isZero();
        assertThat(segments.get(1).get("segment").asInt()).isEqualTo(1);
        assertThat(segments.get(0).get("mask").asInt()).isEqualTo(1);
        assertThat(segments.get(0).has("position")).isTrue();
        assertThat(segments.get(0).get("caughtUp").isBoolean()).isTrue();
    }

    @Test
    void a_rejected_event_is_dead_lettered_with_its_stream_while_other_streams_go_on_and_a_retry_after_the_fix_handles_it() {
        projection.poisoned = true;
        String poisonStream = "merchant/M-ops-" + run + "-poison";
        int poisonSegment = segmentOf(poisonStream);
        String sameSegmentBefore = streamIn(poisonSegment, "before");
        String sameSegmentAfter = streamIn(poisonSegment, "after");
        String otherSegment = streamIn(1 - poisonSegment, "other");

        // The handler holds the first event of the poison's segment until the last event, of the other
        // segment, is handled: by then the processor has read them all, and the next batch of the
        // poison's segment holds the poison together with the events behind it.
        projection.hold(sameSegmentBefore);
        Appended before = append(sameSegmentBefore, 0, registered(sameSegmentBefore, "Before Co"));
        Appended poison = append(poisonStream, 0, registered(poisonStream, PoisonTestProjection.POISON));
        Appended after = append(sameSegmentAfter, 0, registered(sameSegmentAfter, "After Co"));
        Appended plan = append(poisonStream, 1, plan(poisonStream));
        Appended other = append(otherSegment, 0, registered(otherSegment, "Other Co"));
        awaitThat("the other segment handles its event", () -> projection.handled.containsKey(other.eventId()));
        projection.release();

        awaitThat("the events of the other streams are handled", () -> projection.handled.keySet()
                .containsAll(List.of(before.eventId(), after.eventId(), other.eventId())));
        awaitThat("the poison and the rest of its stream are dead-lettered", () -> deadLetters().size() == 2);

        // The poison was rejected inside a batch with events of other streams, which were committed all the same.
        assertThat(projection.rejectedBatches.get(poison.eventId())).contains(poison.eventId(), after.eventId());
        assertThat(projection.handled.get(after.eventId()).batch()).contains(poison.eventId());
        assertThat(projection.handled.get(after.eventId()).position()).isEqualTo(after.position());
        assertThat(projection.handled).doesNotContainKeys(poison.eventId(), plan.eventId());

        List<JsonNode> letters = deadLetters();
        JsonNode first = letters.get(0);
        assertThat(first.get("processor").asText()).isEqualTo(POISON_TEST);
        assertThat(first.get("sequenceIdentifier").asText()).isEqualTo(poisonStream);
        assertThat(first.get("sequenceIndex").asLong()).as("Axon's JDBC queue counts from 1").isEqualTo(1);
        assertThat(first.get("eventIdentifier").asText()).isEqualTo(poison.eventId());
        assertThat(first.get("payloadType").asText()).isEqualTo(MerchantRegistered.class.getName());
        assertThat(first.get("globalPosition").asLong()).isEqualTo(poison.position());
        assertThat(first.get("aggregateIdentifier").asText()).isEqualTo(poisonStream);
        assertThat(first.get("aggregateSequenceNumber").asLong()).isZero();
        assertThat(first.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(first.get("causeMessage").asText()).contains("named POISON");
        assertThat(Instant.parse(first.get("enqueuedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(first.get("diagnostics").isObject()).isTrue();
        JsonNode second = letters.get(1);
        assertThat(second.get("sequenceIndex").asLong()).isEqualTo(2);
        assertThat(second.get("eventIdentifier").asText()).isEqualTo(plan.eventId());
        assertThat(second.get("payloadType").asText()).isEqualTo(CompensationPlanDeclared.class.getName());
        assertThat(second.get("globalPosition").asLong()).isEqualTo(plan.position());
        assertThat(second.get("causeType").isNull()).as("queued behind the poison, not failed itself").isTrue();

        JsonNode status = processor(http.get("/operations/processors").ok(200).get("processors"), POISON_TEST);
        assertThat(status.get("deadLetters").asLong()).isEqualTo(2);
        assertThat(status.get("deadLetterSequences").asLong()).isEqualTo(1);
        assertThat(status.get("error").asBoolean()).as("a dead letter is no processor error").isFalse();

        // Not fixed yet: the retry fails again and the letters stay.
        JsonNode failed = http.post("/operations/dead-letters/" + POISON_TEST + "/retry").ok(200);
        assertThat(failed.get("processor").asText()).isEqualTo(POISON_TEST);
        assertThat(failed.get("sequencesProcessed").asInt()).isZero();
        assertThat(failed.get("sequencesFailed").asInt()).isEqualTo(1);
        assertThat(failed.get("deadLetters").asLong()).isEqualTo(2);
        assertThat(failed.get("deadLetterSequences").asLong()).isEqualTo(1);
        assertThat(Instant.parse(deadLetters().get(0).get("lastTouched").asText()))
                .isAfterOrEqualTo(Instant.parse(first.get("enqueuedAt").asText()));

        // Fixed: the retry hands the stream to the handler in order, with each event's own position.
        projection.poisoned = false;
        JsonNode retried = http.post("/operations/dead-letters/" + POISON_TEST + "/retry").ok(200);
        assertThat(retried.get("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(retried.get("sequencesFailed").asInt()).isZero();
        assertThat(retried.get("deadLetters").asLong()).isZero();
        assertThat(retried.get("deadLetterSequences").asLong()).isZero();
        assertThat(projection.handled.get(poison.eventId()).position()).isEqualTo(poison.position());
        assertThat(projection.handled.get(plan.eventId()).position()).isEqualTo(plan.position());
        assertThat(projection.order.indexOf(poison.eventId())).isLessThan(projection.order.indexOf(plan.eventId()));
        assertThat(deadLetters()).isEmpty();

        // The stream is no longer dead-lettered: its next event is handled straight away.
        Appended next = append(poisonStream, 2, registered(poisonStream, "Renamed Co"));
        awaitThat("the stream's next event is handled", () -> projection.handled.containsKey(next.eventId()));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void a_dead_letter_rolls_back_with_its_batch_when_the_batch_fails_and_is_written_once_when_it_is_retried() {
        projection.poisoned = true;
        projection.flushFailures.set(1);
        String poisonStream = "merchant/M-ops-" + run + "-poison";
        int segment = segmentOf(poisonStream);
        String held = streamIn(segment, "held");
        String failing = streamIn(segment, "flush");
        String otherSegment = streamIn(1 - segment, "other");

        projection.hold(held);
        Appended first = append(held, 0, registered(held, "Held Co"));
        Appended poison = append(poisonStream, 0, registered(poisonStream, PoisonTestProjection.POISON));
        Appended flush = append(failing, 0, registered(failing, PoisonTestProjection.FLUSH_FAILS));
        Appended other = append(otherSegment, 0, registered(otherSegment, "Other Co"));
        awaitThat("the other segment handles its event", () -> projection.handled.containsKey(other.eventId()));
        projection.release();

        awaitThat("the batch is retried after its failed flush and committed", () -> {
            JsonNode segments = processor(http.get("/operations/processors").ok(200).get("processors"), POISON_TEST)
                    .get("segments");
            return segments.size() == 2 && StreamSupport.stream(segments.spliterator(), false)
                    .allMatch(s -> s.get("position").asLong() >= flush.position());
        });
        assertThat(projection.handled).containsKeys(first.eventId(), flush.eventId());
        assertThat(projection.flushFailures.get()).as("the flush failed once").isZero();
        assertThat(projection.rejectedBatches.get(poison.eventId())).contains(poison.eventId(), flush.eventId());
        assertThat(projection.rejections.get(poison.eventId()).get()).as("rejected in the failed batch and its retry")
                .isEqualTo(2);
        List<JsonNode> letters = deadLetters();
        assertThat(letters).as("the letter of the failed batch rolled back with it").hasSize(1);
        assertThat(letters.get(0).get("eventIdentifier").asText()).isEqualTo(poison.eventId());
        assertThat(letters.get(0).get("sequenceIndex").asLong()).isEqualTo(1);
    }

    @Test
    void a_rebuild_replays_the_read_model_from_event_0_drops_its_dead_letters_and_refuses_a_second_rebuild_meanwhile()
            throws InterruptedException {
        projection.poisoned = true;
        String poisonStream = "merchant/M-ops-" + run + "-rebuild";
        append(poisonStream, 0, registered(poisonStream, PoisonTestProjection.POISON));
        awaitThat("the poison is dead-lettered", () -> deadLetters().size() == 1);
        projection.poisoned = false;
        int resets = projection.resets.get();

        projection.hold();
        JsonNode accepted = http.post("/operations/read-models/" + POISON_TEST + "/rebuild").ok(202);
        assertThat(accepted.get("processors").get(0).asText()).isEqualTo(POISON_TEST);
        assertThat(accepted.get("processors").size()).isEqualTo(1);
        assertThat(projection.resets.get()).as("the reset handler ran").isEqualTo(resets + 1);
        assertThat(deadLetters()).as("the rebuild drops the dead letters").isEmpty();
        assertThat(rebuilds.isReplaying(POISON_TEST)).isTrue();
        assertThat(processor(http.get("/operations/processors").ok(200).get("processors"), POISON_TEST)
                .get("replaying").asBoolean()).isTrue();

        OperationsHttp.Answer again = http.post("/operations/read-models/" + POISON_TEST + "/rebuild");
        assertProblem(again, 409, "rebuild-in-progress", "processor");
        assertThat(again.body().get("replaying").get(0).asText()).isEqualTo(POISON_TEST);
        OperationsHttp.Answer all = http.post("/operations/read-models/rebuild");
        assertProblem(all, 409, "rebuild-in-progress", "processor");
        assertThat(projection.resets.get()).as("neither refused rebuild reset anything").isEqualTo(resets + 1);
        OperationsHttp.Answer pause = http.post("/operations/processors/pause");
        assertProblem(pause, 409, "rebuild-in-progress", "processor");
        assertThat(pause.body().get("replaying").get(0).asText()).isEqualTo(POISON_TEST);
        assertThat(processor(http.get("/operations/processors").ok(200).get("processors"), POISON_TEST)
                .get("running").asBoolean()).as("a refused pause stops nothing").isTrue();

        projection.release();
        rebuilds.awaitRebuilt(POISON_TEST, WAIT);
        Long events = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
        awaitThat("every event is handled again", () -> projection.handled.size() == events);
        assertThat(projection.handled.values()).allSatisfy(handled -> assertThat(handled.position()).isNotNull());
        assertThat(deadLetters()).as("the poison, now fixed, was replayed like any other event").isEmpty();
        assertThat(processor(http.get("/operations/processors").ok(200).get("processors"), POISON_TEST)
                .get("replaying").asBoolean()).isFalse();

        // Once caught up, it can be rebuilt again.
        http.post("/operations/read-models/" + POISON_TEST + "/rebuild").ok(202);
        rebuilds.awaitRebuilt(POISON_TEST, WAIT);
        // the second rebuild is recorded too (ReadModelRebuildStarted): one event more to handle
        Long eventsNow = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
        awaitThat("every event is handled after the second rebuild too", () -> projection.handled.size() == eventsNow);
        assertThat(projection.resets.get()).isEqualTo(resets + 2);
    }

    @Test
    void rebuilding_every_read_model_answers_202_with_each_processor() throws InterruptedException {
        String stream = "merchant/M-ops-" + run + "-all";
        Appended event = append(stream, 0, registered(stream, "All Co"));
        awaitThat("the event is handled", () -> projection.handled.containsKey(event.eventId()));
        int resets = projection.resets.get();

        JsonNode accepted = http.post("/operations/read-models/rebuild").ok(202);
        List<String> rebuilt = StreamSupport.stream(accepted.get("processors").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(rebuilt).isEqualTo(processing.eventProcessors().keySet().stream().sorted().toList());
        assertThat(projection.resets.get()).isEqualTo(resets + 1);
        for (String processor : rebuilt) {
            rebuilds.awaitRebuilt(processor, WAIT);
        }
        Long events = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
        awaitThat("every event is handled again", () -> projection.handled.size() == events);
        assertThat(projection.handled).containsKey(event.eventId());
    }

    @Test
    void a_processor_that_does_not_stop_in_time_is_not_reset_and_runs_on_once_it_has_stopped() {
        String stream = "merchant/M-ops-" + run + "-stuck";
        int resets = projection.resets.get();
        int waiting = projection.waiting.get();
        projection.hold(stream);
        Appended event = append(stream, 0, registered(stream, "Stuck Co"));
        awaitThat("the handler is held in its batch", () -> projection.waiting.get() > waiting);

        OperationsHttp.Answer refused;
        Duration shutdownTimeout = rebuilds.shutdownTimeout(Duration.ofSeconds(2));
        try {
            refused = http.post("/operations/read-models/" + POISON_TEST + "/rebuild");
        } finally {
            rebuilds.shutdownTimeout(shutdownTimeout);
        }
        assertProblem(refused, 503, "processor-not-stopping", "processor");
        assertThat(refused.retryAfter()).isEqualTo("30");
        assertThat(projection.resets.get()).as("nothing was reset").isEqualTo(resets);
        assertThat(rebuilds.isReplaying(POISON_TEST)).isFalse();

        projection.release();
        awaitThat("the held event is handled", () -> projection.handled.containsKey(event.eventId()));
        StreamingEventProcessor processor = processing.eventProcessor(POISON_TEST, StreamingEventProcessor.class).orElseThrow();
        awaitThat("the processor runs again once it has stopped", processor::isRunning);
        String next = "merchant/M-ops-" + run + "-after-stuck";
        Appended later = append(next, 0, registered(next, "Later Co"));
        awaitThat("it follows the stream again", () -> projection.handled.containsKey(later.eventId()));
        assertThat(projection.resets.get()).isEqualTo(resets);
    }

    @Test
    void bad_parameters_and_unknown_processors_are_problems() {
        assertProblem(http.get("/operations/dead-letters?processor=no-such-model"), 404, "unknown-processor", "processor");
        assertProblem(http.get("/operations/dead-letters?page=-1"), 400, "invalid-parameter", "page");
        assertProblem(http.get("/operations/dead-letters?processor=" + POISON_TEST + "&size=-5"), 400,
                "invalid-parameter", "size");
        assertProblem(http.get("/operations/dead-letters?size=0"), 400, "invalid-parameter", "size");
        assertProblem(http.get("/operations/dead-letters?size=501"), 400, "invalid-parameter", "size");
        assertProblem(http.get("/operations/dead-letters?page=first"), 400, "invalid-parameter", "page");
        assertProblem(http.post("/operations/dead-letters/no-such-model/retry"), 404, "unknown-processor", "processor");
        assertProblem(http.post("/operations/read-models/no-such-model/rebuild"), 404, "unknown-processor", "processor");
        assertProblem(http.get("/operations/read-models/rebuild"), 405, "method-not-allowed", null);

        JsonNode empty = http.get("/operations/dead-letters?processor=" + POISON_TEST + "&page=3&size=2").ok(200);
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("page").asInt()).isEqualTo(3);
        assertThat(empty.get("size").asInt()).isEqualTo(2);
        assertThat(empty.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void the_operations_are_documented_in_the_openapi_document() {
        JsonNode api = http.get("/v3/api-docs").ok(200);
        JsonNode paths = api.get("paths");
        assertThat(paths.get("/operations/processors").get("get").get("tags").get(0).asText()).isEqualTo("Operations");
        assertThat(paths.get("/operations/dead-letters").get("get").get("responses").has("404")).isTrue();
        assertThat(paths.get("/operations/dead-letters/{processor}/retry").get("post").get("responses").has("200")).isTrue();
        JsonNode rebuild = paths.get("/operations/read-models/{processor}/rebuild").get("post");
        assertThat(rebuild.get("responses").has("202")).isTrue();
        assertThat(rebuild.get("responses").has("409")).isTrue();
        assertThat(paths.get("/operations/read-models/rebuild").get("post").get("responses").has("202")).isTrue();
    }

    private record Appended(String eventId, long position) {
    }

    private Appended append(String stream, long sequence, LedgerEvent event) {
        var message = new GenericDomainEventMessage<>(stream.substring(0, stream.indexOf('/')), stream, sequence, event);
        eventStore.publish(message);
        return new Appended(message.getIdentifier(), positions.lastPositionOf(stream).orElseThrow());
    }

    private static MerchantRegistered registered(String stream, String name) {
        return new MerchantRegistered(merchant(stream), name, "LIC-OPS", "CN", Instant.parse("2026-03-01T00:00:00Z"));
    }

    private static CompensationPlanDeclared plan(String stream) {
        return new CompensationPlanDeclared(merchant(stream), 1,
                new CompensationPlan(List.of(new LevelRate(1, 1000)), null, null, List.of(), null, 30, 9000),
                Instant.parse("2026-03-02T00:00:00Z"));
    }

    private static MerchantId merchant(String stream) {
        return MerchantId.of(stream.substring(stream.indexOf('/') + 1));
    }

    /** The segment (of two) whose events of {@code stream} the processor handles: its sequence is the stream id. */
    private static int segmentOf(String stream) {
        return Segment.computeSegment(0, 0, 1).matches(stream) ? 0 : 1;
    }

    private String streamIn(int segment, String label) {
        for (int i = 0; ; i++) {
            String stream = "merchant/M-ops-" + run + "-" + label + i;
            if (segmentOf(stream) == segment) {
                return stream;
            }
        }
    }

    private List<JsonNode> deadLetters() {
        JsonNode page = http.get("/operations/dead-letters?processor=" + POISON_TEST + "&size=500").ok(200);
        List<JsonNode> letters = new ArrayList<>();
        page.get("items").forEach(letters::add);
        return letters;
    }

    private static JsonNode processor(JsonNode processors, String name) {
        for (JsonNode processor : processors) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + processors);
    }

    private static void assertProblem(OperationsHttp.Answer answer, int status, String rule, String field) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("rule").asText()).isEqualTo(rule);
        assertThat(answer.body().get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(answer.body().get("field").asText()).isEqualTo(field);
        }
    }

    private static void awaitThat(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
