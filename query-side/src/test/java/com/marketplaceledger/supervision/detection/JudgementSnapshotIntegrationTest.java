package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.operations.ReadModelRebuilds;
import com.marketplaceledger.query.support.LedgerHistory;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a judgement counts, measures and shows comes from one snapshot of the read models: a later
 * event of the network committed by another segment, or a rebuild's reset, in the middle of a
 * judgement is not half seen. Each test makes that happen at one statement of the judgement
 * ({@link StatementHook}), on another thread, and lets the judgement go on once it has.
 */
class JudgementSnapshotIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant JAN = Instant.parse("2026-01-05T08:00:00Z");

    @Autowired
    StatementHook hook;
    @Autowired
    ReadModelRebuilds rebuilds;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void disarm() {
        hook.disarm();
    }

    @Test
    void aJudgementCountsEvidenceAndMeasurementsFromOneSnapshotThoughOtherSegmentsCommitMeanwhile() {
        String merchant = "M-snapshot-cap";
        var network = new NetworkBuilder(newHistory(), merchant, JAN);
        // another recruit's bonus reaches the read models between the count of D-1's month and the look-up of its events
        hook.before("WITH shown AS", merchant, () -> meanwhile(() -> storeFourthBonus(network)));
        paidRecruiter(network).await();

        String alertId = awaitAlert(merchant, "CN-DIRECT-SELLING-CAP");

        assertThat(hook.fired()).isTrue();
        Shown shown = jdbc.queryForObject("""
                SELECT evidence_total, evidence_event_ids,
                       (SELECT (m ->> 'value')::bigint FROM jsonb_array_elements(measurements) m
                        WHERE m ->> 'name' = 'worstPay') AS worst_pay
                FROM read_model.alert WHERE alert_id = ?""", (row, n) -> new Shown(row.getLong("evidence_total"),
                (String[]) row.getArray("evidence_event_ids").getArray(), row.getLong("worst_pay")), alertId);
        // D-1's events of the month are fewer than the 20 shown per earner: every one of them is shown
        assertThat((long) shown.ids().length).as("evidence shown against evidence counted").isEqualTo(shown.total());
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM read_model.risk_commission WHERE event_id = ANY (?)",
                Long.class, (Object) shown.ids())).as("the worst pay is what its evidence adds up to").isEqualTo(shown.worstPay());
    }

    @Test
    void aRebuildResetDuringAJudgementRaisesNoAlertFromTheEmptiedReadModels() throws SQLException, InterruptedException {
        String merchant = "M-snapshot-reset";
        long last = retailerWithAJoiningFee(merchant);
        newHistory().awaitProcessed(last);
        awaitDetectionSettled();
        List<String> judged = alertRules(merchant);
        // with the risk facts, three quarters of January's revenue are retail sales; without them, none is
        assertThat(judged).contains("CN-ENTRY-FEE").doesNotContain("US-RETAIL-SHARE");

        var held = new AtomicReference<Connection>();
        var rebuilding = new AtomicReference<CompletableFuture<Void>>();
        // the risk facts are reset once the judgement has checked its position, before it reads the network's shape
        hook.before("AS deepest, min(level) AS top", merchant, () -> meanwhile(() -> {
            // no replayed batch of the risk facts commits (each marks its networks pending) until the judgement is over
            held.set(holdPendingNetworks());
            rebuilding.set(CompletableFuture.runAsync(() -> rebuilds.rebuild(RiskFactsProjection.NAME)));
            await(() -> rebuilding.get().isDone() || waitingForALock("TRUNCATE"),
                    "the reset committed or waiting for the judgement");
        }));
        try {
            jdbc.update("INSERT INTO read_model.detection_pending (merchant_id, position, day) VALUES (?, ?, ?)",
                    merchant, last, Date.valueOf("2026-01-05"));
            await(() -> hook.fired() && waitingForALock("DELETE FROM read_model.detection_pending"),
                    "the judgement over, taking its network off the pending ones");
        } finally {
            if (held.get() != null) {
                held.get().rollback();
                held.get().close();
            }
        }
        rebuilding.get().join();
        rebuilds.awaitRebuilt(RiskFactsProjection.NAME, Duration.ofSeconds(60));
        newHistory().awaitHead();

        assertThat(alertRules(merchant)).isEqualTo(judged);
    }

    @Test
    void aRiskEvaluationMeasuresItsSignalsInTheSnapshotOfItsFindingsThoughOtherSegmentsCommitMeanwhile() {
        String merchant = "M-snapshot-signals";
        var network = paidRecruiter(new NetworkBuilder(newHistory(), merchant, JAN));
        network.await();
        // the signals' own sums are read on a second connection, after another recruit's bonus reached the read models
        hook.before("SELECT basis, level, count(*) AS n", merchant, () -> meanwhile(() -> storeFourthBonus(network)));

        JsonNode evaluation = api().ok("/merchants/" + merchant + "/risk");

        assertThat(hook.fired()).isTrue();
        JsonNode headcountPay = StreamSupport.stream(evaluation.path("findings").spliterator(), false)
                .filter(f -> f.path("ruleId").asText().equals("CN-HEADCOUNT-PAY")).findFirst().orElseThrow();
        long paid = StreamSupport.stream(headcountPay.path("measurements").spliterator(), false)
                .filter(m -> m.path("name").asText().equals("headcountPayAmount")).findFirst().orElseThrow()
                .path("value").asLong();
        assertThat(paid).isEqualTo(30_000);
        assertThat(evaluation.path("signals").path("payConcentration").path("totalPay").asLong())
                .as("pay measured by the signals beside the rules' findings").isEqualTo(paid);
    }

    /** An alert's evidence: how many events in all, the ids shown, and the worst pay it measured. */
    private record Shown(long total, String[] ids, long worstPay) {
    }

    /** D-1 and four recruits, all on one day; D-1 paid a recruitment bonus for each of the first three. */
    private static NetworkBuilder paidRecruiter(NetworkBuilder network) {
        network.enrol("D-1", null, JAN);
        for (int i = 1; i <= 4; i++) {
            network.enrol("R-" + i, "D-1", JAN.plusSeconds(60L * i));
        }
        for (int i = 1; i <= 3; i++) {
            network.recruitmentBonus("D-1", "R-" + i, 10_000, JAN.plusSeconds(60L * i));
        }
        return network;
    }

    /** D-1's bonus for R-4, once every read model has stored it. */
    private void storeFourthBonus(NetworkBuilder network) {
        newHistory().awaitProcessed(network.recruitmentBonus("D-1", "R-4", 10_000, JAN));
    }

    /** D-1 joined for the plan's fee and sold three times as much to end customers in the month. */
    private long retailerWithAJoiningFee(String merchant) {
        LedgerHistory history = newHistory();
        var network = new NetworkBuilder(history, merchant, JAN).enrol("D-1", null, JAN);
        var m = MerchantId.of(merchant);
        long last = network.lastPosition();
        for (int i = 1; i <= 3; i++) {
            var sale = SaleId.of("S-" + i);
            last = history.append(StreamIds.sale(m, sale), new SaleRecorded(m, sale, ListingId.of("L-tea"), ListingKind.PRODUCT,
                    DistributorId.of("D-1"), Buyer.endCustomer("C-" + i), 1, Money.of(398_000, "CNY"),
                    Money.of(398_000, "CNY"), 1, JAN.plusSeconds(3600L * i)));
        }
        return last;
    }

    /**
     * Runs {@code work} to its end on another thread: the judgement's own thread is inside its
     * snapshot, which neither sees what others commit nor may write.
     */
    private static void meanwhile(Runnable work) {
        CompletableFuture.runAsync(work).join();
    }

    /** A connection holding a lock that lets the pending networks be read, not marked or taken off. */
    private Connection holdPendingNetworks() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.createStatement().execute("LOCK TABLE read_model.detection_pending IN SHARE MODE");
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean waitingForALock(String statement) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?",
                Integer.class, statement + "%") > 0;
    }

    private String awaitAlert(String merchant, String rule) {
        await(() -> !alertIds(merchant, rule).isEmpty(), rule + " raised on " + merchant);
        return alertIds(merchant, rule).get(0);
    }

    private List<String> alertIds(String merchant, String rule) {
        return jdbc.queryForList("SELECT alert_id FROM read_model.alert WHERE merchant_id = ? AND rule_id = ?",
                String.class, merchant, rule);
    }

    private List<String> alertRules(String merchant) {
        return jdbc.queryForList("SELECT rule_id FROM read_model.alert WHERE merchant_id = ? ORDER BY rule_id, period",
                String.class, merchant);
    }
}
