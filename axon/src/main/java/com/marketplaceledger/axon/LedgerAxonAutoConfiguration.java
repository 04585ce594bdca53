package com.marketplaceledger.axon;

import com.marketplaceledger.axon.upcasting.AlertRaisedUpcaster;
import com.marketplaceledger.shared.LedgerJson;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The ledger's Axon wiring, shared by both services: the JDBC event store and token store in the
 * {@value #SCHEMA} schema, Jackson (never XStream) for events, messages and tokens, and event
 * handlers that propagate errors instead of logging and skipping an event.
 */
@AutoConfiguration(
        // Axon 4.13 orders itself after Boot 3's DataSource auto-configuration, whose classes moved
        // in Boot 4; ordering this configuration between the two restores the JDBC event store and
        // Spring-managed transactions (instead of Axon's no-op transaction manager).
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class, TransactionAutoConfiguration.class,
                NoOpTransactionAutoConfiguration.class})
public class LedgerAxonAutoConfiguration {

    static final String SCHEMA = "axon";
    /** Events per query when a processor reads the stream (Axon's default, 100, costs the database more per event). */
    static final int STREAM_BATCH = 1000;

    @Bean
    @Primary
    Serializer serializer() {
        return ledgerSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return ledgerSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return ledgerSerializer();
    }

    private static Serializer ledgerSerializer() {
        return JacksonSerializer.builder().objectMapper(LedgerJson.objectMapper()).build();
    }

    /**
     * Stored events of an earlier revision read as today's, for every reader of the event store;
     * Axon chains the upcaster beans into the storage engine's {@code upcasterChain()}.
     */
    @Bean
    EventUpcaster alertRaisedUpcaster() {
        return new AlertRaisedUpcaster();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(SCHEMA + ".domain_event_entry")
                .snapshotTable(SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable(SCHEMA + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresUniqueViolations();
    }

    /**
     * The Spring transaction's connection, without Axon's default unit-of-work wrapper: that
     * wrapper commits or rolls back the connection itself when a unit of work ends, which would
     * end an enclosing transaction (a bulk import's, see ImportTransactions) after every command
     * and undo a savepoint's purpose. The transaction a unit of work starts still commits it.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * Axon's event store, without its shared cache of recent events for streaming processors
     * ({@code optimizeEventConsumption}): the cache's producer reads ahead to the head whatever
     * the processors' pace, and a processor far behind it (the read models paused for a bulk
     * load, or resumed after it) pins every event read since in memory until the heap runs out
     * (AxonFramework#2954; seen here at 512 MiB, 300,000 events behind). Each processor reads
     * its own stream instead.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    /** As Axon's JDBC auto-configuration makes it, which steps back once an event store is defined here. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(STREAM_BATCH)
                .build();
    }

    @Bean
    EventStoreSchema eventStoreSchema(DataSource dataSource) {
        return new EventStoreSchema(dataSource, SCHEMA);
    }

    @Bean
    ConfigurerModule propagatingEventHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    EventPositions eventPositions(JdbcTemplate jdbcTemplate, EventSchema eventSchema, EventStoreSchema eventStoreSchema) {
        return new EventPositions(jdbcTemplate, eventSchema);
    }
}
