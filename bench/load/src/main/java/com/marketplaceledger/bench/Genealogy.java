package com.marketplaceledger.bench;

import com.marketplaceledger.bench.Results.Figure;
import com.marketplaceledger.shared.access.LedgerRole;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Genealogy queries on the largest network (not the flat one the REST benchmark enrols into): a distributor's level, upline, downline headcount and
 * depth, and accounts, for distributors drawn at random, now and as of the network's median
 * enrolment day; one request at a time, latency percentiles, beside the query side's health endpoint
 * asked the same way. Also the full risk evaluation of that network.
 */
final class Genealogy {

    static final double TARGET_P99_MS = 5;
    static final double TARGET_AS_OF_P99_MS = 50;
    static final double TARGET_RISK_SECONDS = 30;

    private Genealogy() {
    }

    record Network(String merchantId, long distributors, String medianDay, List<String> sample,
                   List<String> enrolledByMedianDay) {
    }

    static Network largest(Target target, int samples) throws SQLException {
        try (Connection db = target.database(); Statement statement = db.createStatement()) {
            String merchant;
            long size;
            try (ResultSet row = statement.executeQuery("""
                    SELECT merchant_id, count(*) FROM read_model.distributor
                    WHERE merchant_id NOT LIKE '%s%%'
                    GROUP BY merchant_id ORDER BY 2 DESC LIMIT 1""".formatted(RestCommands.MERCHANT_PREFIX))) {
                if (!row.next()) {
                    throw new IllegalStateException("no distributors yet: run the ingest benchmark first");
                }
                merchant = row.getString(1);
                size = row.getLong(2);
            }
            String median;
            List<String> sample = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("""
                    SELECT (percentile_disc(0.5) WITHIN GROUP (ORDER BY enrolled_at))::date::text
                    FROM read_model.distributor WHERE merchant_id = ?""")) {
                select.setString(1, merchant);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    median = row.getString(1);
                }
            }
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT distributor_id FROM read_model.distributor WHERE merchant_id = ? ORDER BY random() LIMIT ?")) {
                select.setString(1, merchant);
                select.setInt(2, samples);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        sample.add(row.getString(1));
                    }
                }
            }
            List<String> early = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("SELECT distributor_id FROM read_model.distributor"
                    + " WHERE merchant_id = ? AND enrolled_at < ?::date + 1 ORDER BY random() LIMIT ?")) {
                select.setString(1, merchant);
                select.setString(2, median);
                select.setInt(3, samples);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        early.add(row.getString(1));
                    }
                }
            }
            return new Network(merchant, size, median, sample, early);
        }
    }

    static void run(Target target, Results results, int samples) throws SQLException {
        Network network = largest(target, samples);
        Http http = new Http();
        String token = target.token(LedgerRole.REGULATOR);
        String base = "/merchants/" + network.merchantId() + "/distributors/";
        Histogram now = measure(http, token, network.sample().stream().map(d -> target.querySide.resolve(base + d)).toList());
        Histogram asOf = measure(http, token, network.enrolledByMedianDay().stream()
                .map(d -> target.querySide.resolve(base + d + "?asOf=" + network.medianDay())).toList());
        // what a request to this service costs this client on this machine, with no query behind it
        Histogram empty = measure(http, token,
                Collections.nCopies(network.sample().size(), target.querySide.resolve("/actuator/health")));
        String note = String.format("%,d distributors, %d queries", network.distributors(), network.sample().size());
        String baseline = "health endpoint, one at a time";
        double emptyP99 = empty.getValueAtPercentile(99) / 1000.0;
        results.add(new Figure("genealogy query p99", now.getValueAtPercentile(99) / 1000.0, "ms", emptyP99, baseline,
                TARGET_P99_MS, false, note + ", p50 " + now.getValueAtPercentile(50) / 1000.0 + " ms (health endpoint "
                + empty.getValueAtPercentile(50) / 1000.0 + " ms)"));
        results.add(new Figure("genealogy query p99, as of a past day", asOf.getValueAtPercentile(99) / 1000.0, "ms",
                emptyP99, baseline, TARGET_AS_OF_P99_MS, false, note + " as of " + network.medianDay()));

        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Http.ok(http.get(target.querySide.resolve("/merchants/" + network.merchantId() + "/risk"), token));
            runs.add((System.nanoTime() - start) / 1e9);
        }
        runs.sort(Double::compare);
        results.add(new Figure("full risk evaluation of the largest network", runs.get(1), "s", null, null,
                TARGET_RISK_SECONDS, false, String.format("%,d distributors, median of 3", network.distributors())));
    }

    /** Latencies in microseconds, requests one after another, after one warm-up pass over a tenth. */
    private static Histogram measure(Http http, String token, List<URI> queries) {
        queries.subList(0, Math.max(1, queries.size() / 10)).forEach(uri -> Http.ok(http.get(uri, token)));
        Histogram histogram = new Histogram(3);
        for (URI uri : queries) {
            long start = System.nanoTime();
            Http.ok(http.get(uri, token));
            histogram.recordValue((System.nanoTime() - start) / 1_000);
        }
        return histogram;
    }
}
