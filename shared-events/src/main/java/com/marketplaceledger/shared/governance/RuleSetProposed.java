package com.marketplaceledger.shared.governance;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule set was proposed: numbered, inactive until a {@link RuleSetActivated} names it.
 *
 * @param basedOn         the rule set it changes, or null for the first
 * @param rules           every rule of the set, by id, and the version of it the set names
 * @param newRuleVersions the rule versions this proposal made (the others it names existed before)
 * @param jurisdictions   per jurisdiction (a merchant's {@code jurisdiction}), the rules that judge its
 *                        merchants; a jurisdiction not named here is judged by the rules declared for it
 * @param signals         per jurisdiction, other jurisdictions' rules judged and shown as signals, never
 *                        raising an alert
 * @param note            why it was proposed, or null
 */
@Revision("1")
public record RuleSetProposed(
        RuleSetVersion ruleSetVersion,
        RuleSetVersion basedOn,
        Map<String, Integer> rules,
        List<NewRuleVersion> newRuleVersions,
        Map<String, List<String>> jurisdictions,
        Map<String, List<String>> signals,
        RuleSetOrigin origin,
        String note,
        String by,
        Instant occurredAt) implements GovernanceEvent {

    public RuleSetProposed {
        rules = Collections.unmodifiableMap(new TreeMap<>(rules));
        newRuleVersions = List.copyOf(newRuleVersions);
        jurisdictions = RuleSetMappings.copy(jurisdictions);
        signals = RuleSetMappings.copy(signals);
    }
}
