package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Optional;

public record RefuseRefund(
        @NotNull MerchantId merchantId,
        @NotNull SaleId saleId,
        @NotNull RefundId refundId,
        @NotBlank @Size(max = 500) String reason,
        @NotNull Instant occurredAt) implements SaleCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return merchantId == null || saleId == null ? null : StreamIds.sale(merchantId, saleId);
    }

    /** A refund is decided once: issued or refused. */
    @Override
    public Optional<String> retryKey() {
        return refundKey().map(refund -> refund + "/decision");
    }
}
