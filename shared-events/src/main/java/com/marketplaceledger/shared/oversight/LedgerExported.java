package com.marketplaceledger.shared.oversight;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Events were exported; {@code selection} is what was asked for, as the export's query string
 * (e.g. {@code merchantId=M-hz-001}; empty for everything sealed).
 */
@Revision("1")
public record LedgerExported(String selection, String by, Instant occurredAt) implements OversightEvent {
}
