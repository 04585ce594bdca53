package com.marketplaceledger.shared.listing;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Optional;

public record PublishListing(
        @NotNull MerchantId merchantId,
        @NotNull ListingId listingId,
        @NotBlank @Size(max = 100) String sku,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Valid Money unitPrice,
        @NotNull ListingKind kind,
        @NotNull Instant occurredAt) implements MerchantCommand {

    @TargetAggregateIdentifier
    public String streamId() {
        return merchantId == null || listingId == null ? null : StreamIds.listing(merchantId, listingId);
    }

    /** Creates the stream: its id identifies the command. */
    @Override
    public Optional<String> retryKey() {
        return Optional.ofNullable(streamId());
    }
}
