package com.marketplaceledger.query.operations;

import com.marketplaceledger.axon.web.Paging;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the read models' dead letters for an operator and retries them through their processor. */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /**
     * One dead-lettered event. {@code globalPosition} is the event's position in the stream, known
     * when it was dead-lettered by a streaming processor (from the token stored with it).
     */
    record Letter(String processor, String sequenceIdentifier, long sequenceIndex, String eventIdentifier,
                  String payloadType, Long globalPosition, String aggregateIdentifier, Long aggregateSequenceNumber,
                  String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched,
                  Map<String, ?> diagnostics) {
    }

    /**
     * The outcome of a retry: {@code sequencesProcessed} were handled to their end and left the
     * queue, {@code sequencesFailed} failed again and stay (their cause and last-touched time
     * updated); {@code deadLetters} and {@code deadLetterSequences} remain.
     */
    record Retry(String processor, int sequencesProcessed, int sequencesFailed, long deadLetters,
                 long deadLetterSequences) {
    }

    private final ReadModelProcessors processors;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    DeadLetters(ReadModelProcessors processors, JdbcTemplate jdbc, Serializer serializer) {
        this.processors = processors;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The dead letters of one processor (or of all when {@code processor} is null), oldest first. */
    Paging.Page<Letter> list(String processor, Paging paging) {
        if (processor != null) {
            processors.require(processor);
        }
        String where = processor == null ? "" : " WHERE processing_group = ?";
        List<Object> arguments = new ArrayList<>();
        if (processor != null) {
            arguments.add(processor);
        }
        arguments.add(paging.limit());
        arguments.add(paging.offset());
        List<Letter> letters = jdbc.query("""
                SELECT processing_group, sequence_identifier, sequence_index, event_identifier, payload_type,
                       aggregate_identifier, sequence_number, token_type, token, cause_type, cause_message,
                       enqueued_at, last_touched, diagnostics
                FROM %s%s
                ORDER BY processing_group, enqueued_at, sequence_identifier, sequence_index
                LIMIT ? OFFSET ?""".formatted(DeadLetterQueues.TABLE, where),
                (row, n) -> letter(row), arguments.toArray());
        return paging.page(letters);
    }

    /** How many letters the processor's queue holds. */
    long size(String processor) {
        return queue(processor).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** How many sequences (streams) the processor's queue holds. */
    long sequences(String processor) {
        return queue(processor).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
    }

    /**
     * Hands each dead-lettered sequence of the processor, least recently tried first, to its event
     * handlers again, until the queue is empty or every sequence that was in it has been tried once.
     */
    Retry retry(String processor) {
        processors.require(processor);
        int processed = 0;
        int failed = 0;
        var deadLetterProcessor = processors.deadLetterProcessor(processor);
        if (deadLetterProcessor.isPresent()) {
            long attempts = sequences(processor);
            for (long attempt = 0; attempt < attempts && sequences(processor) > 0; attempt++) {
                if (processOne(processor, deadLetterProcessor.get())) {
                    processed++;
                } else {
                    failed++;
                }
            }
        }
        return new Retry(processor, processed, failed, size(processor), sequences(processor));
    }

    private static boolean processOne(String processor, SequencedDeadLetterProcessor<EventMessage<?>> letters) {
        try {
            return letters.processAny();
        } catch (RuntimeException e) {
            // A failure outside the handlers (the batch's flush): rolled back, the letters stay.
            log.warn("retrying a dead-lettered sequence of {} failed; it stays in the queue", processor, e);
            return false;
        }
    }

    private java.util.Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return processors.deadLetterQueue(processor);
    }

    private Letter letter(ResultSet row) throws SQLException {
        TrackingToken token = deserialize(row.getBytes("token"), row.getString("token_type"));
        Long position = token == null ? null : token.position().isPresent() ? token.position().getAsLong() : null;
        long sequenceNumber = row.getLong("sequence_number");
        Long aggregateSequenceNumber = row.wasNull() ? null : sequenceNumber;
        MetaData diagnostics = deserialize(row.getBytes("diagnostics"), MetaData.class.getName());
        return new Letter(row.getString("processing_group"), row.getString("sequence_identifier"),
                row.getLong("sequence_index"), row.getString("event_identifier"), row.getString("payload_type"),
                position, row.getString("aggregate_identifier"), aggregateSequenceNumber,
                row.getString("cause_type"), row.getString("cause_message"), instant(row.getString("enqueued_at")),
                instant(row.getString("last_touched")), diagnostics == null ? Map.of() : new LinkedHashMap<>(diagnostics));
    }

    private <T> T deserialize(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
