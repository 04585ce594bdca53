package com.marketplaceledger.shared.oversight;

import java.time.Instant;

/**
 * What someone did to the ledger itself rather than to a merchant's business: read models rebuilt,
 * events exported. Recorded like any event (sealed into the hash chain, listed in the audit trail),
 * so that who looked at or replayed the ledger is on the record too.
 */
public sealed interface OversightEvent permits ReadModelRebuildStarted, LedgerExported {

    /** The token subject of whoever did it. */
    String by();

    Instant occurredAt();
}
