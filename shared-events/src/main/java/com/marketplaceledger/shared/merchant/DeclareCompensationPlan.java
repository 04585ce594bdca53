package com.marketplaceledger.shared.merchant;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Declares a new version of the merchant's plan, in force from {@code occurredAt}. */
public record DeclareCompensationPlan(
        @NotNull MerchantId merchantId,
        @NotNull @Valid CompensationPlan plan,
        @NotNull Instant occurredAt) implements MerchantCommand {

    @TargetAggregateIdentifier
    public String streamId() {
        return merchantId == null ? null : StreamIds.merchant(merchantId);
    }
}
