package com.marketplaceledger.shared;

import com.marketplaceledger.shared.merchant.MerchantId;

import java.util.Optional;

/** A command that acts on a merchant's ledger; all but registration need that merchant to exist. */
public interface MerchantCommand {

    MerchantId merchantId();

    /** The event stream the command appends to; its last position is what the merchant gets back. */
    String streamId();

    /**
     * What tells a retry of this command from a new command of its merchant: the stream of what it
     * creates, or the act it records on a stream. Empty for a command with no id of its own (a plan
     * version, a reprice), which only its whole content identifies.
     */
    default Optional<String> retryKey() {
        return Optional.empty();
    }
}
