package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record RefundRequested(
        MerchantId merchantId,
        SaleId saleId,
        RefundId refundId,
        Money amount,
        String reason,
        Instant occurredAt) implements LedgerEvent {
}
