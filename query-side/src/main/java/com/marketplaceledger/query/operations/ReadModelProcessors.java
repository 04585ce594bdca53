package com.marketplaceledger.query.operations;

import com.marketplaceledger.axon.web.QueryRefused;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The read models' processors of this service, by name: every streaming processor of the query
 * side keeps one read model, and is named after the processing group of its projection (the
 * default assignment), which is also the name of its dead-letter queue.
 */
@Component
class ReadModelProcessors {

    private final EventProcessingConfiguration processing;
    private final Configuration axon;

    ReadModelProcessors(EventProcessingConfiguration processing, Configuration axon) {
        this.processing = processing;
        this.axon = axon;
    }

    /** The names of every read model's processor, sorted. */
    List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(java.util.Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The processor, or a 404 problem naming the known ones. */
    StreamingEventProcessor require(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> unknown(name));
    }

    Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String name) {
        return processing.deadLetterQueue(name);
    }

    Optional<SequencedDeadLetterProcessor<EventMessage<?>>> deadLetterProcessor(String name) {
        return processing.sequencedDeadLetterProcessor(name);
    }

    /** Axon's transaction manager: Spring's, so the queue, the tokens and the read model share it. */
    TransactionManager transactions() {
        return axon.getComponent(TransactionManager.class);
    }

    QueryRefused unknown(String name) {
        return new QueryRefused(HttpStatus.NOT_FOUND, "unknown-processor", "processor", null,
                Map.of("name", name, "known", String.join(", ", names())))
                .with("processors", names());
    }
}
