package com.marketplaceledger.shared.integrity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Base64;

/**
 * One line of an export (GET /export, NDJSON): a sealed position with its seal and the seal before
 * it, so that any run of lines can be checked on its own. An event line carries the stored row
 * exactly ({@code payloadBase64} and {@code metaDataBase64} are the stored bytes, {@code timeStamp}
 * the stored text) and, for people, {@code payload} parsed; an absent position (the sequence skipped
 * it) is only {@code globalIndex}, {@code absent: true}, {@code seal} and {@code previousSeal}.
 * Seals are lower-case hex.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"globalIndex", "absent", "eventIdentifier", "aggregateType", "aggregateIdentifier", "sequenceNumber",
        "payloadType", "payloadRevision", "payloadBase64", "metaDataBase64", "timeStamp", "payload", "seal", "previousSeal"})
public record ExportedEvent(
        long globalIndex,
        Boolean absent,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        Long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String payloadBase64,
        String metaDataBase64,
        String timeStamp,
        JsonNode payload,
        String seal,
        String previousSeal) {

    public static ExportedEvent of(SealedEvent event, JsonNode payload, byte[] seal, byte[] previousSeal) {
        return new ExportedEvent(event.globalIndex(), null, event.eventIdentifier(), event.aggregateType(),
                event.aggregateIdentifier(), event.sequenceNumber(), event.payloadType(), event.payloadRevision(),
                base64(event.payload()), base64(event.metaData()), event.timeStamp(), payload, hex(seal), hex(previousSeal));
    }

    public static ExportedEvent absent(long globalIndex, byte[] seal, byte[] previousSeal) {
        return new ExportedEvent(globalIndex, true, null, null, null, null, null, null, null, null, null, null,
                hex(seal), hex(previousSeal));
    }

    @JsonIgnore
    public boolean isAbsent() {
        return Boolean.TRUE.equals(absent);
    }

    /** The row as stored, which is what the seal covers; null for an absent position. */
    public SealedEvent sealed() {
        if (isAbsent()) {
            return null;
        }
        return new SealedEvent(globalIndex, eventIdentifier, aggregateType, aggregateIdentifier,
                sequenceNumber == null ? 0 : sequenceNumber, payloadType, payloadRevision,
                unbase64(payloadBase64), unbase64(metaDataBase64), timeStamp);
    }

    /** The seal this line's content should have after {@code previous}. */
    public byte[] expectedSeal(byte[] previous) {
        return isAbsent() ? Seals.sealAbsent(previous, globalIndex) : Seals.seal(previous, sealed());
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unbase64(String text) {
        return text == null ? null : Base64.getDecoder().decode(text);
    }

    private static String hex(byte[] seal) {
        return seal == null ? null : Seals.hex(seal);
    }
}
