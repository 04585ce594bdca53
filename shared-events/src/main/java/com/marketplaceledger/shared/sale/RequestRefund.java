package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

public record RequestRefund(
        @NotNull MerchantId merchantId,
        @NotNull SaleId saleId,
        @NotNull RefundId refundId,
        @NotNull @Valid Money amount,
        @Size(max = 500) String reason,
        @NotNull Instant occurredAt) implements SaleCommand {
}
