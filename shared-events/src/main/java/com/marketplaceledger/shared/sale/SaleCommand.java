package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.MerchantCommand;

import java.util.Optional;

/** A command on an existing sale: its refunds. */
public interface SaleCommand extends MerchantCommand {

    SaleId saleId();

    RefundId refundId();

    /** The refund this command requests or decides: its sale's stream and its id. */
    default Optional<String> refundKey() {
        return Optional.ofNullable(streamId()).filter(sale -> refundId() != null)
                .map(sale -> sale + "/refund/" + refundId().value());
    }
}
