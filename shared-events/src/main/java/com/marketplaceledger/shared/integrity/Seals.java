package com.marketplaceledger.shared.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over the global event sequence (docs/integrity.md gives the same algorithm for
 * re-implementation). Seal(n) = SHA-256(seal(n - 1) || canonical bytes of position n), seal(0) being
 * 32 zero bytes. The canonical bytes are a domain tag and the stored fields of the event, each
 * written as a 4-byte big-endian length and its bytes (length -1 and no bytes for null; text in
 * UTF-8, numbers as decimal text). A position the sequence skipped (a transaction that rolled back)
 * is sealed as absent, so a row inserted there later breaks the chain.
 */
public final class Seals {

    public static final String TAG = "marketplace-ledger/seal/v1";
    public static final String ABSENT_TAG = "marketplace-ledger/seal/v1/absent";
    public static final int LENGTH = 32;
    public static final byte[] GENESIS = new byte[LENGTH];

    private Seals() {
    }

    public static byte[] seal(byte[] previous, SealedEvent event) {
        var bytes = new ByteArrayOutputStream();
        text(bytes, TAG);
        text(bytes, Long.toString(event.globalIndex()));
        text(bytes, event.eventIdentifier());
        text(bytes, event.aggregateType());
        text(bytes, event.aggregateIdentifier());
        text(bytes, Long.toString(event.sequenceNumber()));
        text(bytes, event.payloadType());
        text(bytes, event.payloadRevision());
        field(bytes, event.payload());
        field(bytes, event.metaData());
        text(bytes, event.timeStamp());
        return chain(previous, bytes.toByteArray());
    }

    public static byte[] sealAbsent(byte[] previous, long globalIndex) {
        var bytes = new ByteArrayOutputStream();
        text(bytes, ABSENT_TAG);
        text(bytes, Long.toString(globalIndex));
        return chain(previous, bytes.toByteArray());
    }

    public static String hex(byte[] seal) {
        return HexFormat.of().formatHex(seal);
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] chain(byte[] previous, byte[] canonical) {
        if (previous.length != LENGTH) {
            throw new IllegalArgumentException("a seal is " + LENGTH + " bytes, not " + previous.length);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            sha256.update(canonical);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }
}
