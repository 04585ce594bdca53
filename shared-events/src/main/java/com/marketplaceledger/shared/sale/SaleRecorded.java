package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A sale; {@code amount} is {@code unitPrice} times {@code quantity}, in one currency. */
@Revision("1")
public record SaleRecorded(
        MerchantId merchantId,
        SaleId saleId,
        ListingId listingId,
        ListingKind listingKind,
        DistributorId sellerId,
        Buyer buyer,
        int quantity,
        Money unitPrice,
        Money amount,
        Integer planVersion,
        Instant occurredAt) implements LedgerEvent {
}
