package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.Optional;

/** Pays a requested refund; {@code amount} defaults to the amount requested and may be less. */
public record IssueRefund(
        @NotNull MerchantId merchantId,
        @NotNull SaleId saleId,
        @NotNull RefundId refundId,
        @Valid Money amount,
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
