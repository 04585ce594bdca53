package com.marketplaceledger.shared;

import com.marketplaceledger.shared.merchant.MerchantId;

/** A command that acts on a merchant's ledger; all but registration need that merchant to exist. */
public interface MerchantCommand {

    MerchantId merchantId();

    /** The event stream the command appends to; its last position is what the merchant gets back. */
    String streamId();
}
