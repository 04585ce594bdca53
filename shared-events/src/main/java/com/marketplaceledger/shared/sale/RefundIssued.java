package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A refund paid; {@code remaining} is what is left of the sale after it. */
@Revision("1")
public record RefundIssued(
        MerchantId merchantId,
        SaleId saleId,
        RefundId refundId,
        Money amount,
        Money remaining,
        Instant occurredAt) implements LedgerEvent {
}
