package com.marketplaceledger.shared.listing;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ListingWithdrawn(
        MerchantId merchantId,
        ListingId listingId,
        String reason,
        Instant occurredAt) implements LedgerEvent {
}
