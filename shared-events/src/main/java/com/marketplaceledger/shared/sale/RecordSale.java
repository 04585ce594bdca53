package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Instant;
import java.util.Optional;

/**
 * Records a sale of a listing at its current price. Without a seller the merchant sold directly.
 */
public record RecordSale(
        @NotNull MerchantId merchantId,
        @NotNull SaleId saleId,
        @NotNull ListingId listingId,
        DistributorId sellerId,
        @NotNull @Valid Buyer buyer,
        @Positive @Max(1_000_000) int quantity,
        @NotNull Instant occurredAt) implements MerchantCommand {

    /** Handled outside the aggregate (it needs the directory), so not a routing key. */
    @Override
    public String streamId() {
        return merchantId == null || saleId == null ? null : StreamIds.sale(merchantId, saleId);
    }

    /** Creates the stream: its id identifies the command. */
    @Override
    public Optional<String> retryKey() {
        return Optional.ofNullable(streamId());
    }
}
