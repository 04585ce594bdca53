package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command on an existing sale: its refunds. */
public interface SaleCommand extends MerchantCommand {

    SaleId saleId();

    @TargetAggregateIdentifier
    default String streamId() {
        return merchantId() == null || saleId() == null ? null : StreamIds.sale(merchantId(), saleId());
    }
}
