package com.marketplaceledger.simulator;

/**
 * A scenario fed to the command side.
 *
 * @param lastPosition the highest global event position the command side reported: pass it as
 *                     {@code minPosition} to the query side to read everything fed
 */
public record FeedResult(GroundTruth truth, long lastPosition) {
}
