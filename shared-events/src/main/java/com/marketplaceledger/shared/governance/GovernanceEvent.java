package com.marketplaceledger.shared.governance;

import java.time.Instant;

/**
 * A decision about how the ledger judges networks (a rule set proposed, a rule set made active),
 * by a regulator or by the application's configuration at start-up. It concerns no merchant, and
 * is recorded like every event: sealed into the hash chain and listed in the audit trail.
 */
public sealed interface GovernanceEvent permits RuleSetProposed, RuleSetActivated {

    /**
     * Who decided: the regulator's token subject, {@code configuration} for the application's
     * properties, or null for a decision recorded before the ledger kept who made it.
     */
    String by();

    Instant occurredAt();
}
