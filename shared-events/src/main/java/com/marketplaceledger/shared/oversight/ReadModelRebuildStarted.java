package com.marketplaceledger.shared.oversight;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A read model began to be rebuilt from event 0 ({@code readModel} names its processor). */
@Revision("1")
public record ReadModelRebuildStarted(String readModel, String by, Instant occurredAt) implements OversightEvent {
}
