package com.marketplaceledger.shared.listing;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Optional;

public record WithdrawListing(
        @NotNull MerchantId merchantId,
        @NotNull ListingId listingId,
        @Size(max = 500) String reason,
        @NotNull Instant occurredAt) implements MerchantCommand {

    @TargetAggregateIdentifier
    public String streamId() {
        return merchantId == null || listingId == null ? null : StreamIds.listing(merchantId, listingId);
    }

    /** A listing is withdrawn once. */
    @Override
    public Optional<String> retryKey() {
        return Optional.ofNullable(streamId()).map(listing -> listing + "/withdrawal");
    }
}
