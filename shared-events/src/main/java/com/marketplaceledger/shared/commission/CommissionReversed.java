package com.marketplaceledger.shared.commission;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.SaleId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The part of a commission taken back because the sale it was paid on was refunded. */
@Revision("1")
public record CommissionReversed(
        MerchantId merchantId,
        CommissionId commissionId,
        DistributorId beneficiaryId,
        Money amount,
        SaleId saleId,
        RefundId refundId,
        Instant occurredAt) implements LedgerEvent {
}
