package com.marketplaceledger.query.operations;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;

/**
 * The operations tests' read model ({@link PoisonTestProjection}) and its pooled processor: two
 * segments, batches of up to 10 events. Test sources only, and found by component scanning like
 * any read model, so that every integration test keeps sharing one Spring context (Axon's
 * processors cannot be started again once Spring's test context cache has paused a context).
 * Harmless to the other tests: it handles every event and rejects none unless a test poisons it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class PoisonTestReadModel {

    static final int BATCH_SIZE = 10;
    static final int SEGMENTS = 2;

    @Bean
    PoisonTestProjection poisonTestProjection() {
        return new PoisonTestProjection();
    }

    @Bean
    ConfigurerModule poisonTestProcessor() {
        return configurer -> {
            configurer.eventProcessing().registerPooledStreamingEventProcessor(
                    PoisonTestProjection.NAME, Configuration::eventStore,
                    (configuration, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS));
            // dead-lettered like the read models, with the same cache of parked sequences
            DeadLetterQueues.rememberSequencesNotParked(configurer.eventProcessing(), PoisonTestProjection.NAME);
        };
    }
}
