package com.marketplaceledger.bench;

import com.marketplaceledger.bench.Results.Figure;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.simulator.Feeder;
import com.marketplaceledger.simulator.Scenario;
import com.marketplaceledger.simulator.ScenarioKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bulk ingestion: simulated marketplaces fed through the merchant bulk import, several merchants at
 * once, counted as events appended per second. The baseline writes the very same rows straight into
 * a copy of the event table (same columns and indexes, batched INSERT, durable commits): what
 * PostgreSQL itself can take on this machine.
 */
final class Ingestion {

    static final double TARGET = 20_000;
    static final String LIVE = "bulk ingestion (import API, durable)";
    static final String PAUSED = "bulk ingestion, read models paused (import API, durable)";
    private static final int BASELINE_BATCH = 1_000;

    private Ingestion() {
    }

    /**
     * @param pauseReadModels pause every read model during the import (and its baseline), as if they
     *                        ran on other cores, then resume them and time their catching up
     */
    static void run(Target target, Results results, ScenarioKind kind, int merchants, int size,
                   boolean pauseReadModels) throws Exception {
        long before;
        try (Connection db = target.database()) {
            before = head(db);
        }
        var readModels = new ReadModelsSwitch(target);
        if (pauseReadModels) {
            readModels.pause();
        }
        try {
            var feeder = new Feeder(target.commandSide, target::merchantToken);
            var cpu = CpuUse.start(target);
            long seedBase = System.currentTimeMillis() % 1_000_000_000L * 1_000;
            ExecutorService pool = Executors.newFixedThreadPool(merchants);
            long start = System.nanoTime();
            try {
                List<Future<?>> feeds = new ArrayList<>();
                for (int i = 0; i < merchants; i++) {
                    Scenario scenario = Scenario.of(kind, seedBase + i, size);
                    feeds.add(pool.submit(() -> feeder.feed(scenario)));
                }
                for (Future<?> feed : feeds) {
                    feed.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long events;
            try (Connection db = target.database();
                 PreparedStatement count = db.prepareStatement("SELECT count(*) FROM axon.domain_event_entry WHERE global_index > ?")) {
                count.setLong(1, before);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    events = row.getLong(1);
                }
            }
            Map<String, Long> used = cpu.used();
            double baseline = baseline(target, before);
            String what = String.format("%,d events of %d merchants x %s %d", events, merchants, kind, size);
            results.add(pauseReadModels
                    ? new Figure(PAUSED, events / seconds, "events/s", baseline,
                            "same rows, batched INSERT straight into PostgreSQL, read models paused too", TARGET, true, what)
                    : new Figure(LIVE, events / seconds, "events/s", baseline,
                            "same rows, batched INSERT straight into PostgreSQL", TARGET, true, what));
            CpuUse.report(results, used, events, "event", pauseReadModels ? "appended, read models paused" : "appended");
            if (pauseReadModels) {
                readModels.resume();
                Duration caughtUp = Settle.await(target);
                results.add(new Figure("read models catching up after the paused import", events / seconds(caughtUp),
                        "events/s", null, null, null, true,
                        String.format("%,d events in %.1f s, every read model at once", events, seconds(caughtUp))));
            }
        } finally {
            readModels.resume();
        }
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toMillis(), 1) / 1e3;
    }

    /** Pauses and resumes the query side's read models (an admin's operations API); resumes once. */
    private static final class ReadModelsSwitch {

        private final Target target;
        private final Http http = new Http();
        private boolean paused;

        ReadModelsSwitch(Target target) {
            this.target = target;
        }

        void pause() {
            Http.ok(http.post(target.querySide.resolve("/operations/processors/pause"), target.token(LedgerRole.ADMIN), ""));
            paused = true;
        }

        void resume() {
            if (paused) {
                paused = false;
                Http.ok(http.post(target.querySide.resolve("/operations/processors/resume"), target.token(LedgerRole.ADMIN), ""));
            }
        }
    }

    static long head(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM axon.domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Rows per second written into a copy of the event table, counting only the writes. */
    private static double baseline(Target target, long after) throws SQLException {
        try (Connection read = target.database(); Connection write = target.database()) {
            try (Statement ddl = write.createStatement()) {
                ddl.execute("CREATE SCHEMA IF NOT EXISTS bench");
                ddl.execute("DROP TABLE IF EXISTS bench.event_copy");
                ddl.execute("CREATE TABLE bench.event_copy (LIKE axon.domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
                ddl.execute("SET synchronous_commit = on");
            }
            read.setAutoCommit(false); // a cursor: rows are fetched a batch at a time
            write.setAutoCommit(false);
            long rows = 0;
            long writing = 0;
            try (PreparedStatement select = read.prepareStatement(
                    "SELECT * FROM axon.domain_event_entry WHERE global_index > ? ORDER BY global_index")) {
                select.setFetchSize(BASELINE_BATCH);
                select.setLong(1, after);
                try (ResultSet source = select.executeQuery()) {
                    ResultSetMetaData columns = source.getMetaData();
                    int width = columns.getColumnCount();
                    String insert = "INSERT INTO bench.event_copy VALUES (" + "?,".repeat(width - 1) + "?)";
                    List<Object[]> batch = new ArrayList<>(BASELINE_BATCH);
                    try (PreparedStatement copy = write.prepareStatement(insert)) {
                        while (true) {
                            boolean more = source.next();
                            if (more) {
                                Object[] row = new Object[width];
                                for (int c = 0; c < width; c++) {
                                    row[c] = source.getObject(c + 1);
                                }
                                batch.add(row);
                            }
                            if (batch.size() == BASELINE_BATCH || (!more && !batch.isEmpty())) {
                                long start = System.nanoTime();
                                for (Object[] row : batch) {
                                    for (int c = 0; c < width; c++) {
                                        copy.setObject(c + 1, row[c]);
                                    }
                                    copy.addBatch();
                                }
                                copy.executeBatch();
                                write.commit();
                                writing += System.nanoTime() - start;
                                rows += batch.size();
                                batch.clear();
                            }
                            if (!more) {
                                break;
                            }
                        }
                    }
                }
            } finally {
                read.rollback();
                try (Statement ddl = write.createStatement()) {
                    ddl.execute("DROP TABLE IF EXISTS bench.event_copy");
                }
                write.commit();
            }
            return writing == 0 ? 0 : rows / (writing / 1e9);
        }
    }
}
