package com.marketplaceledger.shared.listing;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ListingRepriced(
        MerchantId merchantId,
        ListingId listingId,
        Money previousPrice,
        Money unitPrice,
        Instant occurredAt) implements LedgerEvent {
}
