package com.marketplaceledger.shared.governance;

import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Makes a proposed rule set the active one (again, if it was active before). */
public record ActivateRuleSet(
        @NotNull RuleSetVersion ruleSetVersion,
        @Size(max = 200) String by,
        @NotNull Instant occurredAt) implements RuleSetCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return StreamIds.detectionRuleSet();
    }
}
