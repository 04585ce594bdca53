package com.marketplaceledger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.integrity.ExportedEvent;
import com.marketplaceledger.shared.integrity.Seals;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * Recomputes the hash chain of an export line by line, holding one line at a time, so a file of any
 * size verifies in constant memory. The chain starts from the first line's previousSeal; every
 * further line must be the next position and link to the seal before it. Without a digest this
 * proves only that the file is consistent with itself; a digest anchors it: the chain must reach
 * the digest's seal at the digest's position.
 */
final class ChainVerifier {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    /** A digest an auditor kept: the seal at a position. */
    record Digest(long position, byte[] seal) {
    }

    /** What verification found: {@code broken} null when verified. */
    record Result(long lines, long absent, Long first, Long last, Broken broken, boolean reachedDigest) {

        boolean verified() {
            return broken == null;
        }
    }

    /** The first position (or, for an unreadable line, line number) where the file stops being verifiable. */
    record Broken(Long position, long line, String reason) {
    }

    private final Digest digest;
    /** An entity or time-span export: positions only increase, each line is checked on its own. */
    private final boolean subset;

    ChainVerifier(Digest digest, boolean subset) {
        if (digest != null && subset) {
            throw new IllegalArgumentException("a digest can only be reached by a complete range of positions, not a subset");
        }
        this.digest = digest;
        this.subset = subset;
    }

    Result verify(BufferedReader lines) throws IOException {
        long count = 0;
        long absent = 0;
        Long first = null;
        long previousPosition = 0;
        byte[] previousSeal = null;
        boolean reachedDigest = false;
        String text;
        while ((text = lines.readLine()) != null) {
            if (text.isBlank()) {
                continue;
            }
            count++;
            ExportedEvent line;
            try {
                line = JSON.readValue(text, ExportedEvent.class);
            } catch (JsonProcessingException unreadable) {
                return broken(count, absent, first, previousPosition, null, count,
                        "line " + count + " is not an export line: " + unreadable.getOriginalMessage());
            }
            long position = line.globalIndex();
            byte[] recorded;
            byte[] before;
            try {
                recorded = required(line.seal(), "seal");
                before = required(line.previousSeal(), "previousSeal");
            } catch (IllegalArgumentException malformed) {
                return broken(count, absent, first, previousPosition, position, count, malformed.getMessage());
            }
            if (first == null) {
                first = position;
                if (position == 1 && !Arrays.equals(before, Seals.GENESIS)) {
                    return broken(count, absent, first, position, position, count,
                            "position 1 must follow the genesis seal (32 zero bytes), not " + Seals.hex(before));
                }
            } else {
                String order = order(previousPosition, position);
                if (order != null) {
                    // a position missing is broken where it should be; one out of order, where it stands
                    long at = position > previousPosition ? previousPosition + 1 : position;
                    return broken(count, absent, first, previousPosition, at, count, order);
                }
                if (position == previousPosition + 1 && !Arrays.equals(before, previousSeal)) {
                    return broken(count, absent, first, previousPosition, position, count,
                            "previousSeal " + Seals.hex(before) + " is not the seal of position " + previousPosition
                                    + " (" + Seals.hex(previousSeal) + ")");
                }
            }
            byte[] recomputed;
            try {
                recomputed = line.expectedSeal(before);
            } catch (IllegalArgumentException malformed) {
                return broken(count, absent, first, previousPosition, position, count, malformed.getMessage());
            }
            if (!Arrays.equals(recomputed, recorded)) {
                return broken(count, absent, first, previousPosition, position, count,
                        "the seal recomputed from the line's content is " + Seals.hex(recomputed)
                                + ", the line records " + Seals.hex(recorded)
                                + " (the event or its seal was changed)");
            }
            if (digest != null && position == digest.position()) {
                if (!Arrays.equals(recorded, digest.seal())) {
                    return broken(count, absent, first, position, position, count,
                            "the digest's seal at position " + position + " is " + Seals.hex(digest.seal())
                                    + ", the chain reaches " + Seals.hex(recorded));
                }
                reachedDigest = true;
            }
            if (line.isAbsent()) {
                absent++;
            }
            previousPosition = position;
            previousSeal = recorded;
        }
        if (digest != null && !reachedDigest) {
            String reason = first == null ? "the file has no lines"
                    : first > digest.position() ? "the file starts at position " + first + ", after the digest's position " + digest.position()
                    : "the file ends at position " + previousPosition + ", before the digest's position " + digest.position();
            return broken(count, absent, first, previousPosition, digest.position(), count, reason);
        }
        if (first == null) {
            return broken(0, 0, null, 0, null, 0, "the file has no lines");
        }
        return new Result(count, absent, first, previousPosition, null, reachedDigest);
    }

    /** Why a position may not follow the previous one, or null when it may. */
    private String order(long previous, long position) {
        if (position <= previous) {
            return "position " + position + " follows position " + previous + " (out of order or repeated)";
        }
        if (!subset && position != previous + 1) {
            long missing = position - previous - 1;
            return "position " + position + " follows position " + previous + ": "
                    + (missing == 1 ? "position " + (previous + 1) + " is missing" : missing + " positions are missing")
                    + " (a line was removed or moved)";
        }
        return null;
    }

    private static Result broken(long lines, long absent, Long first, long last, Long position, long line, String reason) {
        return new Result(lines, absent, first, first == null ? null : last, new Broken(position, line, reason), false);
    }

    private static byte[] required(String hex, String field) {
        if (hex == null) {
            throw new IllegalArgumentException("the line has no " + field);
        }
        byte[] seal;
        try {
            seal = Seals.fromHex(hex);
        } catch (IllegalArgumentException notHex) {
            throw new IllegalArgumentException(field + " is not hexadecimal: " + hex);
        }
        if (seal.length != Seals.LENGTH) {
            throw new IllegalArgumentException(field + " is " + seal.length + " bytes, not " + Seals.LENGTH);
        }
        return seal;
    }
}
