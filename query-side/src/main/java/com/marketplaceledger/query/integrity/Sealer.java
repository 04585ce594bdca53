package com.marketplaceledger.query.integrity;

import com.marketplaceledger.axon.readmodel.BackgroundRounds;
import com.marketplaceledger.shared.integrity.SealedEvent;
import com.marketplaceledger.shared.integrity.Seals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Seals the event table in global order, from the last seal on (docs/integrity.md). Each batch is
 * one transaction holding a PostgreSQL advisory lock, so exactly one sealer works at a time across
 * instances. The sealer follows the global index, not commit order: it stops at a missing position,
 * because a concurrent writer may still commit it, and seals it absent only once it has stayed
 * missing for the gap timeout (a rolled-back transaction's number never comes).
 */
@Component
class Sealer extends BackgroundRounds {

    /** The advisory lock key of sealing ("seal" in ASCII); no other lock of the ledger uses it. */
    static final long LOCK = 0x7365616cL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IntegrityProperties properties;
    private final Clock clock;
    /**
     * When this instance first saw the highest position of a batch stored: a missing position is
     * missing since a position above it was first seen stored. Every number missing in a batch
     * (the numbers of an import transaction rolled back by a crash, thousands of them, or the
     * lines of an import refused one by one between recorded ones) is thus missing since one
     * moment and sealed absent one gap timeout later, not one timeout per gap.
     */
    private final NavigableMap<Long, Instant> storedAboveSince = new TreeMap<>();
    /** One round at a time in this instance (a test may seal beside the background loop). */
    private final Object sealing = new Object();

    @Autowired
    Sealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, IntegrityProperties properties) {
        this(jdbc, transactions, properties, Clock.systemUTC());
    }

    Sealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, IntegrityProperties properties, Clock clock) {
        super("event-sealer", properties.enabled(), properties.interval());
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Seals batch after batch while there is something to seal; answers how many positions it sealed. */
    long sealAvailable() {
        synchronized (sealing) {
            long sealed = 0;
            int batch;
            do {
                batch = transaction.execute(status -> sealBatch());
                sealed += batch;
            } while (batch > 0);
            return sealed;
        }
    }

    private int sealBatch() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return 0;
        }
        StoredRows.Head head = StoredRows.head(jdbc);
        List<SealedEvent> rows = StoredRows.eventsAfter(jdbc, head.position(), properties.batchSize());
        Instant now = clock.instant();
        long next = head.position() + 1;
        byte[] previous = head.seal();
        List<Object[]> seals = new ArrayList<>();
        if (!rows.isEmpty()) {
            long highest = rows.get(rows.size() - 1).globalIndex();
            if (storedAboveSince.isEmpty() || storedAboveSince.lastKey() < highest) {
                storedAboveSince.put(highest, now);
            }
        }
        rows:
        for (SealedEvent row : rows) {
            while (next < row.globalIndex()) {
                Instant since = storedAboveSince.ceilingEntry(next + 1).getValue();
                if (since.plus(properties.gapTimeout()).isAfter(now)) {
                    break rows;
                }
                previous = Seals.sealAbsent(previous, next);
                seals.add(new Object[] {next, null, previous});
                next++;
            }
            previous = Seals.seal(previous, row);
            seals.add(new Object[] {next, row.eventIdentifier(), previous});
            next++;
        }
        long sealedUpTo = next;
        storedAboveSince.headMap(sealedUpTo).clear();
        jdbc.batchUpdate("INSERT INTO axon.event_seal (global_index, event_identifier, seal, sealed_at) VALUES (?, ?, ?, now())",
                seals);
        return seals.size();
    }

    @Override
    protected void round() {
        sealAvailable();
    }
}
