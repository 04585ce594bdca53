package com.marketplaceledger.shared.listing;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ListingPublished(
        MerchantId merchantId,
        ListingId listingId,
        String sku,
        String title,
        Money unitPrice,
        ListingKind kind,
        Instant occurredAt) implements LedgerEvent {
}
