package com.marketplaceledger.query.genealogy;

import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.LedgerHistory;
import com.marketplaceledger.query.support.Redelivery;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.axon.web.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event the genealogy follows, through the real processor and PostgreSQL. */
class GenealogyProjectionIntegrationTest extends QuerySideIntegrationTest {

    @Autowired
    Genealogy genealogy;
    @Autowired
    Merchants merchants;
    @Autowired
    GenealogyProjection projection;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private LedgerHistory history;

    @BeforeEach
    void history() {
        history = newHistory();
    }

    @Test
    void a_registered_merchant_is_listed_with_its_registration() {
        var m = MerchantId.of("M-gen-register");
        history.appendAndAwait("merchant/M-gen-register",
                new MerchantRegistered(m, "Register Co", "LIC-7", "CN", Instant.parse("2026-02-01T08:00:00Z")));

        Merchants.Merchant merchant = merchants.require("M-gen-register");
        assertThat(merchant).isEqualTo(new Merchants.Merchant("M-gen-register", "Register Co", "LIC-7", "CN",
                Instant.parse("2026-02-01T08:00:00Z")));
    }

    @Test
    void every_declared_plan_version_is_kept_as_declared() {
        var m = MerchantId.of("M-gen-plans");
        var at = Instant.parse("2026-02-01T00:00:00Z");
        history.appendAndAwait("merchant/M-gen-plans",
                new MerchantRegistered(m, "Plans Co", "LIC-8", "CN", at),
                new CompensationPlanDeclared(m, 1, plan(1000), at),
                new CompensationPlanDeclared(m, 2, plan(800), at.plusSeconds(86_400)));

        List<Merchants.Plan> plans = merchants.plans("M-gen-plans");
        assertThat(plans).extracting(Merchants.Plan::planVersion).containsExactly(1, 2);
        assertThat(plans.get(1).plan()).contains("\"basisPoints\": 800");
        assertThat(plans.get(1).declaredAt()).isEqualTo(at.plusSeconds(86_400));
    }

    @Test
    void an_enrolment_places_the_distributor_under_its_recorded_upline_and_grows_every_ancestor() {
        String merchant = "M-gen-tree";
        enrol(merchant, "A", null, List.of(), "2026-03-01");
        enrol(merchant, "B", "A", List.of("A"), "2026-03-02");
        enrol(merchant, "C", "A", List.of("A"), "2026-03-02");
        long last = enrol(merchant, "D", "B", List.of("B", "A"), "2026-03-03");
        history.awaitProcessed(last);

        Genealogy.Node d = genealogy.node(merchant, "D", null).orElseThrow();
        assertThat(d.level()).isEqualTo(3);
        assertThat(d.sponsorId()).isEqualTo("B");
        assertThat(d.upline()).containsExactly(new Genealogy.UplineMember("B", 2), new Genealogy.UplineMember("A", 1));
        assertThat(genealogy.downline(merchant, "A", null)).isEqualTo(new Genealogy.Downline(2, 3, 2));
        assertThat(genealogy.downline(merchant, "B", null)).isEqualTo(new Genealogy.Downline(1, 1, 1));
        assertThat(genealogy.downline(merchant, "D", null)).isEqualTo(new Genealogy.Downline(0, 0, 0));
        assertThat(genealogy.network(merchant, null)).isEqualTo(new Genealogy.Network(4, 1, 3));
        assertThat(genealogy.downlineMembers(merchant, "A", null, null, Paging.of(0, 10)).items())
                .extracting(Genealogy.DownlineMember::distributorId).containsExactly("B", "C", "D");
    }

    @Test
    void the_same_figures_as_of_an_earlier_day() {
        String merchant = "M-gen-asof";
        enrol(merchant, "A", null, List.of(), "2026-03-01");
        enrol(merchant, "B", "A", List.of("A"), "2026-03-02");
        long last = enrol(merchant, "C", "B", List.of("B", "A"), "2026-03-05");
        history.awaitProcessed(last);

        assertThat(genealogy.downline(merchant, "A", LocalDate.parse("2026-03-01"))).isEqualTo(new Genealogy.Downline(0, 0, 0));
        assertThat(genealogy.downline(merchant, "A", LocalDate.parse("2026-03-04"))).isEqualTo(new Genealogy.Downline(1, 1, 1));
        assertThat(genealogy.downline(merchant, "A", LocalDate.parse("2026-03-05"))).isEqualTo(new Genealogy.Downline(1, 2, 2));
        assertThat(genealogy.network(merchant, LocalDate.parse("2026-03-02"))).isEqualTo(new Genealogy.Network(2, 1, 2));
        assertThat(genealogy.node(merchant, "C", LocalDate.parse("2026-03-04"))).isEmpty();
    }

    @Test
    void a_redelivered_enrolment_changes_nothing() {
        String merchant = "M-gen-redelivered";
        var m = MerchantId.of(merchant);
        var root = new DistributorEnrolled(m, DistributorId.of("R"), null, List.of(), null, null,
                Instant.parse("2026-04-01T00:00:00Z"));
        var child = new DistributorEnrolled(m, DistributorId.of("K"), DistributorId.of("R"), List.of(DistributorId.of("R")),
                Money.of(9_900, "CNY"), null, Instant.parse("2026-04-02T00:00:00Z"));
        var redelivery = new Redelivery(transactions);
        redelivery.deliver(root, "redelivered-root", projection::on);
        redelivery.deliver(child, "redelivered-child", projection::on);
        Map<String, Object> before = snapshot(merchant);

        redelivery.deliver(child, "redelivered-child", projection::on);
        redelivery.deliver(root, "redelivered-root", projection::on);

        try {
            assertThat(snapshot(merchant)).isEqualTo(before);
            assertThat(genealogy.downline(merchant, "R", null)).isEqualTo(new Genealogy.Downline(1, 1, 1));
            assertThat(genealogy.network(merchant, null).participants()).isEqualTo(2);
        } finally {
            // These rows stand for no stored event: a rebuild would rightly not reproduce them.
            for (String table : List.of("distributor", "downline", "downline_growth", "network_growth")) {
                jdbc.update("DELETE FROM read_model." + table + " WHERE merchant_id = ?", merchant);
            }
        }
    }

    private Map<String, Object> snapshot(String merchant) {
        return Map.of(
                "distributor", jdbc.queryForList("SELECT * FROM read_model.distributor WHERE merchant_id = ? ORDER BY 2", merchant).toString(),
                "downline", jdbc.queryForList("SELECT * FROM read_model.downline WHERE merchant_id = ? ORDER BY 2, 3, 4", merchant).toString(),
                "growth", jdbc.queryForList("SELECT * FROM read_model.downline_growth WHERE merchant_id = ? ORDER BY 2, 3", merchant).toString(),
                "network", jdbc.queryForList("SELECT * FROM read_model.network_growth WHERE merchant_id = ? ORDER BY 2", merchant).toString());
    }

    private long enrol(String merchant, String id, String sponsor, List<String> upline, String day) {
        return history.append("distributor/" + merchant + "/" + id, new DistributorEnrolled(MerchantId.of(merchant),
                DistributorId.of(id), sponsor == null ? null : DistributorId.of(sponsor),
                upline.stream().map(DistributorId::of).toList(), null, null, Instant.parse(day + "T10:00:00Z")));
    }

    private static CompensationPlan plan(int firstLevelBasisPoints) {
        return new CompensationPlan(List.of(new LevelRate(1, firstLevelBasisPoints)), null, null, List.of(), null, 30, 9000);
    }
}
