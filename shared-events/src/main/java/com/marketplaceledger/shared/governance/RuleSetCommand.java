package com.marketplaceledger.shared.governance;

/** A decision about rule sets, for the one stream that numbers them and knows which is active. */
public interface RuleSetCommand {

    /** Every rule set command goes to the same stream. */
    String streamId();
}
