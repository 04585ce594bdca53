package com.marketplaceledger.query.operations;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import com.marketplaceledger.axon.readmodel.ReadModel;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;

/**
 * A dead-letter queue for every read model's processor: an event that a projection's handler
 * rejects is parked, with the later events of its sequence (its stream), and the processor goes
 * on with the other streams instead of skipping the event or stopping on it.
 * <p>
 * How it holds together with the pooled processors:
 * <ul>
 *     <li>The letters are written through a connection that joins the Spring transaction of the
 *     batch, so a letter commits with the batch's writes and its token, or rolls back with them
 *     (and is written again when the batch is retried): never a letter for an event the read model
 *     holds, never a token past an event that is neither in the read model nor in the queue.</li>
 *     <li>Only a handler's exception is dead-lettered. A batch whose flush fails (BatchBuffer) is
 *     rolled back whole, letters included, and retried by the processor; so is a batch in which a
 *     handler's own SQL failed, since PostgreSQL then refuses every later statement of the
 *     transaction. Handlers should therefore throw before they buffer anything for the event.</li>
 *     <li>Axon's dead-lettering invoker always propagates handler errors to itself (the default
 *     {@code PropagatingErrorHandler} of the ledger is what it needs); a logging error handler
 *     would skip the event instead.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterQueues {

    static final String TABLE = "read_model.dead_letter_entry";

    /**
     * Axon's Spring Boot auto-configuration registers its own provider (for processors with
     * {@code dlq.enabled}, none here) at order 0; the provider applied last wins, so this one comes
     * after it.
     */
    static final int MODULE_ORDER = 100;

    /** The queue's table in snake case (V6__dead_letters.sql); Axon's default is camel case. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable(TABLE)
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    ConfigurerModule readModelDeadLetterQueues(DataSource dataSource, DeadLetterSchema schema, List<ReadModel> readModels) {
        // DataSourceUtils underneath: inside the batch's transaction, its connection; outside
        // (an operator's listing), a connection of its own, released when Axon closes it.
        ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                readModels.forEach(readModel -> rememberSequencesNotParked(configurer.eventProcessing(), readModel.processor()));
                configurer.eventProcessing().registerDeadLetterQueueProvider(processingGroup -> configuration ->
                        JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(processingGroup)
                                .connectionProvider(connections)
                                .transactionManager(configuration.getComponent(TransactionManager.class))
                                .schema(schema)
                                .genericSerializer(configuration.serializer())
                                .eventSerializer(configuration.eventSerializer())
                                .build());
            }

            @Override
            public int order() {
                return MODULE_ORDER;
            }
        };
    }

    /**
     * Without it, the dead-lettering invoker asks the queue's table whether each event's sequence is
     * parked, one query per event and processor (a third of a live processor's time while merchants
     * import). With it, a segment remembers which of its sequences are parked, as it parks them
     * itself, and asks the table only about those.
     */
    static void rememberSequencesNotParked(EventProcessingConfigurer processing, String processingGroup) {
        processing.registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup,
                (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
    }
}
