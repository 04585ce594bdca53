package com.marketplaceledger.query.integrity;

import com.marketplaceledger.query.integrity.StoredRows.StoredSeal;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.integrity.SealedEvent;
import com.marketplaceledger.shared.integrity.Seals;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes the hash chain from the stored rows and compares it with the stored seals, position
 * by position, a chunk of positions at a time (never the whole store in memory), in one snapshot.
 */
@Component
class ChainVerification {

    /** The problems verification tells apart (docs/integrity.md). */
    static final String CHANGED = "changed";
    static final String DELETED = "deleted";
    static final String INSERTED = "inserted";
    static final String SEAL_CHANGED = "seal-changed";

    private static final int CHUNK = 1000;

    /**
     * The outcome: {@code checked} positions from {@code from} on matched their seals; when not
     * {@code verified}, the first position that did not, the problem and what was found.
     */
    record Verdict(boolean verified, long from, long to, long checked, Long firstBrokenPosition, String problem,
                   String detail, long sealHead) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ChainVerification(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The chain from {@code from} (default 1) to {@code to} (default and at most the seal head). */
    Verdict verify(Long from, Long to) {
        long first = from == null ? 1 : from;
        if (first < 1) {
            throw QueryRefused.badParameter("from", "positions-from-one", Map.of());
        }
        if (to != null && to < first) {
            throw QueryRefused.badParameter("to", "below-from", Map.of());
        }
        return snapshot.execute(status -> {
            long head = StoredRows.head(jdbc).position();
            if (head == 0) {
                return new Verdict(true, first, 0, 0, null, null, "nothing is sealed yet", 0);
            }
            if (first > head) {
                throw new QueryRefused(HttpStatus.UNPROCESSABLE_ENTITY, "beyond-seal-head", "from", null,
                        Map.of("sealHead", head)).with("sealHead", head);
            }
            long last = to == null ? head : Math.min(to, head);
            Walk walk = walk(first, last, head);
            return walk.broken != null ? walk.broken
                    : new Verdict(true, first, last, walk.checked, null, null,
                    "positions " + first + " to " + last + " recompute to their stored seals", head);
        });
    }

    /**
     * Everything up to the digest's position still recomputes to the digest's seal, and the chain
     * still holds that position: the log only grew since the digest was taken.
     */
    Verdict verify(long position, byte[] digestSeal) {
        return snapshot.execute(status -> {
            long head = StoredRows.head(jdbc).position();
            if (position > head) {
                return new Verdict(false, 1, position, 0, head + 1, DELETED, "the digest is at position " + position
                        + " but the chain is sealed only up to " + head + ": sealed positions are missing", head);
            }
            Walk walk = walk(1, position, head);
            if (walk.broken != null) {
                return walk.broken;
            }
            if (!Arrays.equals(walk.sealAtTo, digestSeal)) {
                return new Verdict(false, 1, position, walk.checked, position, CHANGED, "the chain recomputed up to position "
                        + position + " ends in " + Seals.hex(walk.sealAtTo) + ", not in the digest's " + Seals.hex(digestSeal)
                        + ": the history up to the digest was rewritten and sealed again", head);
            }
            return new Verdict(true, 1, position, walk.checked, null, null, "everything up to position " + position
                    + " is as it was when the digest was taken; the chain has grown to " + head, head);
        });
    }

    private Walk walk(long from, long to, long head) {
        Walk walk = new Walk(from, to, head);
        if (from > 1) {
            var before = StoredRows.seals(jdbc, from - 1, from - 1);
            if (before.isEmpty()) {
                walk.broken(from - 1, SEAL_CHANGED, "no seal is stored at position " + (from - 1) + ", below the seal head");
                return walk;
            }
            walk.previous = before.get(0).seal();
        }
        // One position beyond the range, when sealed, tells a changed row from a changed seal at its end.
        long end = Math.min(to + 1, head);
        for (long chunk = from; chunk <= end && walk.broken == null; chunk += CHUNK) {
            long chunkEnd = Math.min(chunk + CHUNK - 1, end);
            Map<Long, StoredSeal> seals = new HashMap<>();
            StoredRows.seals(jdbc, chunk, chunkEnd).forEach(seal -> seals.put(seal.position(), seal));
            Map<Long, SealedEvent> rows = new HashMap<>();
            StoredRows.events(jdbc, chunk, chunkEnd).forEach(row -> rows.put(row.globalIndex(), row));
            for (long position = chunk; position <= chunkEnd && walk.broken == null; position++) {
                walk.step(position, seals.get(position), rows.get(position));
            }
        }
        walk.finish();
        return walk;
    }

    /** The chain's state along the positions, stopping at the first broken one. */
    private static final class Walk {

        /** A row whose recomputed seal differs from the stored one; the next position says which changed. */
        private record Mismatch(long position, String eventIdentifier, byte[] stored, byte[] computed) {
        }

        private final long from;
        private final long to;
        private final long head;
        private byte[] previous = Seals.GENESIS;
        private byte[] sealAtTo;
        private long checked;
        private Mismatch mismatch;
        private Verdict broken;

        Walk(long from, long to, long head) {
            this.from = from;
            this.to = to;
            this.head = head;
        }

        void step(long position, StoredSeal seal, SealedEvent row) {
            if (mismatch != null) {
                resolve(position, seal, row);
                return;
            }
            if (position > to) {
                return;
            }
            if (seal == null && row == null) {
                broken(position, SEAL_CHANGED, "no seal is stored at position " + position + ", below the seal head " + head);
            } else if (seal == null) {
                broken(position, INSERTED, "event " + row.eventIdentifier() + " is stored at position " + position
                        + ", which has no seal although the chain is sealed up to " + head);
            } else if (seal.absent()) {
                if (row != null) {
                    broken(position, INSERTED, "event " + row.eventIdentifier() + " is stored at position " + position
                            + ", which was sealed absent (the sequence had skipped it)");
                } else if (Arrays.equals(Seals.sealAbsent(previous, position), seal.seal())) {
                    accept(position, seal.seal());
                } else {
                    broken(position, SEAL_CHANGED, "the seal stored at position " + position + " (sealed absent) is not the chain's value");
                }
            } else if (row == null) {
                broken(position, DELETED, "event " + seal.eventIdentifier() + ", sealed at position " + position
                        + ", is no longer stored");
            } else if (!seal.eventIdentifier().equals(row.eventIdentifier())) {
                broken(position, CHANGED, "position " + position + " holds event " + row.eventIdentifier() + " but event "
                        + seal.eventIdentifier() + " was sealed there: rows were moved or replaced");
            } else {
                byte[] computed = Seals.seal(previous, row);
                if (Arrays.equals(computed, seal.seal())) {
                    accept(position, computed);
                } else {
                    mismatch = new Mismatch(position, row.eventIdentifier(), seal.seal(), computed);
                }
            }
        }

        /**
         * If the next stored seal follows from the stored seal, the chain of seals is intact and the
         * row changed; if it follows from the recomputed one, the stored seal was changed.
         */
        private void resolve(long position, StoredSeal seal, SealedEvent row) {
            Mismatch at = mismatch;
            if (seal != null && Arrays.equals(next(at.stored(), position, seal, row), seal.seal())) {
                rowChanged(at, "");
            } else if (seal != null && Arrays.equals(next(at.computed(), position, seal, row), seal.seal())) {
                broken(at.position(), SEAL_CHANGED, "the seal stored at position " + at.position() + " is not the chain's value, "
                        + "while the next seal follows from the chain's: the stored seal was changed");
            } else {
                rowChanged(at, " (the next position does not follow either)");
            }
        }

        private static byte[] next(byte[] previous, long position, StoredSeal seal, SealedEvent row) {
            if (seal.absent()) {
                return row == null ? Seals.sealAbsent(previous, position) : null;
            }
            return row != null && seal.eventIdentifier().equals(row.eventIdentifier()) ? Seals.seal(previous, row) : null;
        }

        private void rowChanged(Mismatch at, String note) {
            broken(at.position(), CHANGED, "event " + at.eventIdentifier() + " at position " + at.position()
                    + ": the stored row no longer matches its seal" + note);
        }

        private void accept(long position, byte[] seal) {
            previous = seal;
            checked++;
            if (position == to) {
                sealAtTo = seal;
            }
        }

        void finish() {
            if (mismatch != null && broken == null) {
                broken(mismatch.position(), CHANGED, "event " + mismatch.eventIdentifier() + " at position " + mismatch.position()
                        + ": the stored row or its seal no longer matches (it is the last sealed position, so which cannot be told)");
            }
        }

        void broken(long position, String problem, String detail) {
            broken = new Verdict(false, from, to, checked, position, problem, detail, head);
        }
    }
}
