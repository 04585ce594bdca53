package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.readmodel.ReadModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One view of the read models for a judgement: everything it counts, measures and shows as
 * evidence is read in one REPEATABLE READ transaction, so a finding agrees with itself though the
 * read models' segments commit later events of the network meanwhile.
 *
 * <p>A rebuild's reset empties a read model by TRUNCATE, in the transaction that resets its
 * tokens, and TRUNCATE is not MVCC-safe: a snapshot taken before the reset committed sees the old
 * tokens, yet every table it first reads after the commit as empty. So the first statement locks
 * every read-model table (ACCESS SHARE, as any query would) before the snapshot is taken, which is
 * at the first query: a reset then either committed before, and the snapshot sees its tokens, or
 * waits until the judgement is over. Each read model's tables are locked in the order its reset
 * truncates them, so the two cannot deadlock. These are the database's locks, so a rebuild on
 * another instance is held off alike.
 */
@Component
class ReadModelSnapshot {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final String lockReadModels;

    ReadModelSnapshot(JdbcTemplate jdbc, PlatformTransactionManager transactions, List<ReadModel> readModels) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.lockReadModels = readModels.stream().flatMap(model -> model.tables().stream())
                .map(table -> "read_model." + table)
                .collect(Collectors.joining(", ", "LOCK TABLE ", " IN ACCESS SHARE MODE"));
    }

    /** What {@code reading} reads, all from one snapshot of the read models. */
    <T> T read(Supplier<T> reading) {
        return snapshot.execute(status -> {
            jdbc.execute(lockReadModels);
            return reading.get();
        });
    }

    /**
     * Runs {@code reading} on the executor, on a connection of its own, in the snapshot of the
     * {@link #read} that calls this, which must wait for the result: the snapshot can be imported
     * only while the transaction that exported it is open, and that transaction's locks keep
     * resets out meanwhile.
     */
    <T> CompletableFuture<T> readBeside(Supplier<T> reading, Executor executor) {
        String exported = jdbc.queryForObject("SELECT pg_export_snapshot()", String.class);
        return CompletableFuture.supplyAsync(() -> snapshot.execute(status -> {
            // SET takes no parameters; the identifier is the database's own
            jdbc.execute("SET TRANSACTION SNAPSHOT '" + exported + "'");
            return reading.get();
        }), executor);
    }
}
