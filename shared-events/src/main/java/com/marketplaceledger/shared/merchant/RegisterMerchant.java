package com.marketplaceledger.shared.merchant;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Optional;

public record RegisterMerchant(
        @NotNull MerchantId merchantId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String licenceNumber,
        @NotBlank @Size(max = 100) String jurisdiction,
        @NotNull Instant occurredAt) implements MerchantCommand {

    @TargetAggregateIdentifier
    public String streamId() {
        return merchantId == null ? null : StreamIds.merchant(merchantId);
    }

    /** Creates the stream: its id identifies the command. */
    @Override
    public Optional<String> retryKey() {
        return Optional.ofNullable(streamId());
    }
}
