package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.MerchantCommand;

/** A command on an existing sale: its refunds. */
public interface SaleCommand extends MerchantCommand {

    SaleId saleId();
}
