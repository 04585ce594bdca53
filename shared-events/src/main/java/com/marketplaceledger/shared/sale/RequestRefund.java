package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Optional;

public record RequestRefund(
        @NotNull MerchantId merchantId,
        @NotNull SaleId saleId,
        @NotNull RefundId refundId,
        @NotNull @Valid Money amount,
        @Size(max = 500) String reason,
        @NotNull Instant occurredAt) implements SaleCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return merchantId == null || saleId == null ? null : StreamIds.sale(merchantId, saleId);
    }

    /** A refund is requested once. */
    @Override
    public Optional<String> retryKey() {
        return refundKey();
    }
}
