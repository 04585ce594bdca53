package com.marketplaceledger.shared.listing;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RepriceListing(
        @NotNull MerchantId merchantId,
        @NotNull ListingId listingId,
        @NotNull @Valid Money unitPrice,
        @NotNull Instant occurredAt) implements MerchantCommand {

    @TargetAggregateIdentifier
    public String streamId() {
        return merchantId == null || listingId == null ? null : StreamIds.listing(merchantId, listingId);
    }
}
