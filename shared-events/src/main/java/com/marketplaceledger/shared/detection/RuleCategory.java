package com.marketplaceledger.shared.detection;

/**
 * What a firing rule says about a network. A pyramid indicator marks the network as a suspected
 * pyramid; a compliance finding (team pay, the direct-selling pay cap) is an administrative matter
 * that legitimate multi-level plans also run into. A failed safeguard (refunds refused, stock
 * bought back below cost, bonuses without retail customers) aggravates a pyramid finding but alone
 * does not make a network a pyramid.
 */
public enum RuleCategory {
    PYRAMID_INDICATOR,
    COMPLIANCE,
    SAFEGUARD
}
