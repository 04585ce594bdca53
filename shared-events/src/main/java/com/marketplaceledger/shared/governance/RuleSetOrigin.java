package com.marketplaceledger.shared.governance;

/**
 * Where a proposal came from. Configuration's proposals are compared with configuration's own
 * earlier rule versions, so a regulator's change stays in force until configuration changes.
 */
public enum RuleSetOrigin {
    CONFIGURATION,
    REGULATOR
}
