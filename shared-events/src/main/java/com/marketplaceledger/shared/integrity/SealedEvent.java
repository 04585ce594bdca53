package com.marketplaceledger.shared.integrity;

/**
 * One row of the event table exactly as stored, which is what a seal covers. {@code payload} and
 * {@code metaData} are the stored bytes; {@code timeStamp} is the stored text.
 */
public record SealedEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData,
        String timeStamp) {
}
