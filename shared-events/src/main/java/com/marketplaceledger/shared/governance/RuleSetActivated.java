package com.marketplaceledger.shared.governance;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A rule set was made the active one: networks are judged, and alerts raised, by it from now on. */
@Revision("1")
public record RuleSetActivated(RuleSetVersion ruleSetVersion, String by, Instant occurredAt) implements GovernanceEvent {
}
