package com.marketplaceledger.query.projection;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Settings every read model's pooled streaming processor shares, beyond those in application.yml. */
@Configuration
class ProjectionProcessors {

    /**
     * A segment that sees only other segments' events has nothing to commit, so it stores its
     * advanced token only when it extends its claim (every 5 s by default). Until then a query with
     * minPosition cannot tell that the segment is past that position: store it sooner.
     */
    @Bean
    ConfigurerModule idleSegmentTokens(@Value("${ledger.query.idle-token-interval:200ms}") Duration interval) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.claimExtensionThreshold(interval.toMillis()));
    }
}
