package com.marketplaceledger.shared.detection;

/**
 * What a firing rule says about a network. A pyramid indicator marks the network as a suspected
 * pyramid; a compliance finding (team pay, the direct-selling pay cap, the ten-customer
 * safeguard) is an administrative matter that legitimate multi-level plans also run into.
 */
public enum RuleCategory {
    PYRAMID_INDICATOR,
    COMPLIANCE
}
