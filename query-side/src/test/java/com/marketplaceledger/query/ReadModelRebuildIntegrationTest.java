package com.marketplaceledger.query;

import com.marketplaceledger.query.operations.ReadModelRebuilds;
import com.marketplaceledger.query.support.LedgerHistory;
import com.marketplaceledger.query.support.QueryApi;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.Walkthrough;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model dropped and rebuilt from event 0, through the operator's endpoint, ends with
 * exactly the rows it had: same tables, same rows, same values.
 */
class ReadModelRebuildIntegrationTest extends QuerySideIntegrationTest {

    @Autowired
    ReadModelRebuilds rebuilds;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rebuilding_every_read_model_from_event_0_reproduces_its_contents_exactly() throws Exception {
        var history = newHistory();
        Walkthrough.record(history, "M-rebuild-1");
        recordInternalConsumptionWithAJoiningFee(history, "M-rebuild-2");
        awaitDetectionSettled();
        long recorded = positions.head();
        Map<String, String> before = contents(recorded);
        assertThat(before).containsKeys("distributor", "downline", "downline_growth", "account_entry", "account_day");
        // A read model that has drifted from the events: a rebuild must put it right.
        jdbc.update("UPDATE read_model.distributor SET level = 99 WHERE merchant_id = 'M-rebuild-1' AND distributor_id = 'D-3'");
        jdbc.update("DELETE FROM read_model.account_day WHERE merchant_id = 'M-rebuild-2'");
        assertThat(contents(recorded)).isNotEqualTo(before);

        QueryApi.Answer started = new QueryApi(port).post("/operations/read-models/rebuild");

        assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
        for (String processor : readModels.processedPositions().keySet()) {
            rebuilds.awaitRebuilt(processor, Duration.ofSeconds(60));
        }
        awaitDetectionSettled();
        // the rebuild is itself recorded (who rebuilt which read model), after everything it replayed
        assertThat(jdbc.queryForList("SELECT DISTINCT payload_type FROM read_model.audit_event WHERE position > ?",
                String.class, recorded)).containsExactly("ReadModelRebuildStarted");
        assertThat(contents(recorded)).isEqualTo(before);
    }

    /**
     * Each read-model table, as a digest of all its rows in a fixed order, with its row count; the
     * audit trail up to {@code position} (the rebuild records itself in the events after it).
     */
    private Map<String, String> contents(long position) {
        var contents = new TreeMap<String, String>();
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'read_model' AND table_name NOT LIKE 'flyway%' AND table_name NOT LIKE 'dead_letter%'
                  -- detection's work queue, shadow findings and jobs are not read models, nor the rule rows kept
                  -- from before rule sets were events; the rule catalogue is one
                  AND table_name NOT IN ('detection_pending', 'shadow_finding', 'detection_shadow', 'detection_job',
                                         'legacy_detection_rule_version', 'legacy_detection_rule_set',
                                         'legacy_detection_rule_set_activation')""",
                String.class);
        for (String table : tables) {
            String upTo = table.equals("audit_event") ? " WHERE t.position <= " + position : "";
            contents.put(table, jdbc.queryForObject("SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, "
                    + "E'\\n' ORDER BY t::text), '')) FROM read_model." + table + " t" + upTo, String.class));
        }
        return contents;
    }

    private static void recordInternalConsumptionWithAJoiningFee(LedgerHistory history, String merchant) {
        var m = MerchantId.of(merchant);
        var at = Instant.parse("2026-02-03T04:05:06Z");
        history.append("distributor/" + merchant + "/A", new DistributorEnrolled(m, DistributorId.of("A"), null, List.of(),
                Money.of(100_000, "CNY"), null, at));
        history.append("distributor/" + merchant + "/B", new DistributorEnrolled(m, DistributorId.of("B"),
                DistributorId.of("A"), List.of(DistributorId.of("A")), Money.of(100_000, "CNY"), null, at.plusSeconds(60)));
        history.append("sale/" + merchant + "/S-1", new SaleRecorded(m, SaleId.of("S-1"), ListingId.of("L-kit"),
                ListingKind.STARTER_PACKAGE, DistributorId.of("A"), Buyer.participant(DistributorId.of("B")), 3,
                Money.of(50_000, "CNY"), Money.of(150_000, "CNY"), null, at.plusSeconds(120)));
    }
}
