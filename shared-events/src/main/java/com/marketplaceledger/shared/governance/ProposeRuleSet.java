package com.marketplaceledger.shared.governance;

import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Proposes a rule set: {@code basedOn}'s rules (the active set's when null), with the rules named in
 * {@code rules} changed. A rule named with new content gets a new version unless it is unchanged:
 * for a regulator, unchanged from the base's version; for configuration, from the last version
 * configuration made of it. Configuration proposes nothing when nothing changed and a rule set is
 * active already.
 *
 * @param jurisdictions the set's jurisdiction mapping; null keeps the base's
 * @param signals       the set's signals; null keeps the base's
 * @param by            who proposes (a token subject, or {@code configuration}); null only for rule sets
 *                      recorded from the time before the ledger kept their author
 */
public record ProposeRuleSet(
        RuleSetVersion basedOn,
        @NotNull Map<@NotBlank @Size(max = 64) String, @NotNull ProposedRule> rules,
        Map<@NotBlank @Size(max = 100) String, @NotNull List<@NotBlank @Size(max = 64) String>> jurisdictions,
        Map<@NotBlank @Size(max = 100) String, @NotNull List<@NotBlank @Size(max = 64) String>> signals,
        @NotNull RuleSetOrigin origin,
        @Size(max = 4000) String note,
        @Size(max = 200) String by,
        @NotNull Instant occurredAt) implements RuleSetCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return StreamIds.detectionRuleSet();
    }
}
