package com.marketplaceledger.shared.merchant;

import com.marketplaceledger.shared.LedgerEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record MerchantRegistered(
        MerchantId merchantId,
        String name,
        String licenceNumber,
        String jurisdiction,
        Instant occurredAt) implements LedgerEvent {
}
