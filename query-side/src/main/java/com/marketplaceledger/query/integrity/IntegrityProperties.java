package com.marketplaceledger.query.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Hash-chain settings (prefix {@code ledger.integrity}).
 *
 * @param enabled    whether this instance seals new events (one instance seals at a time in any case)
 * @param interval   how often the sealer looks for new events
 * @param batchSize  most events sealed in one transaction
 * @param gapTimeout how long a skipped global position must stay missing before it is sealed absent:
 *                   a concurrent writer may still commit it
 */
@ConfigurationProperties("ledger.integrity")
record IntegrityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration interval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("10s") Duration gapTimeout) {
}
