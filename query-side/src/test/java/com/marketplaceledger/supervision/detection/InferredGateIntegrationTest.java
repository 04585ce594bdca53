package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.LedgerHistory;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import com.marketplaceledger.supervision.detection.facts.FactsLoader;
import com.marketplaceledger.supervision.detection.rules.InferredGate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gates found from behaviour, read from the business facts and risk facts of a network recorded
 * as the command side records it: a kit declared an ordinary product that recruits buy on joining,
 * paying their sponsor; no fee and no starter package in the plan.
 */
class InferredGateIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant JAN = Instant.parse("2026-01-05T08:00:00Z");
    private static final LocalDate AS_OF = LocalDate.parse("2026-02-28");
    private static final Money KIT = Money.of(99_800, "CNY");
    private static final Money TEA = Money.of(19_900, "CNY");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FactsLoader facts;

    /** What the network recorded: event ids by the time of the purchase. */
    private final SortedMap<Instant, String> kitSales = new TreeMap<>();
    private final SortedMap<Instant, String> kitCommissions = new TreeMap<>();
    private final SortedMap<Instant, String> teaCommissions = new TreeMap<>();

    @Test
    void aProductMostRecruitsBuyOnJoiningPayingTheirSponsorIsMeasuredAsAGateWithItsSalesAndCommissions() {
        kitNetwork("M-kit");

        List<InferredGate> gates = facts.load("M-kit", null, AS_OF).inferredGates();

        // R-1..R-10 had the week (D-1 has no upline to pay); R-11 joined two days ago. R-1..R-8 bought
        // the kit in their week, R-9 after it; R-8's purchase paid nobody and R-6 bought the kit again.
        // The starter package is a gate by declaration.
        assertThat(gates).extracting(InferredGate::listingId).containsExactly("L-KIT", "L-TEA");
        InferredGate kit = gates.get(0);
        assertThat(kit.declaredKind()).isEqualTo("PRODUCT");
        assertThat(kit.windowDays()).isEqualTo(7);
        assertThat(kit.recruits()).isEqualTo(10);
        assertThat(kit.earlyBuyers()).isEqualTo(8);
        assertThat(kit.gateBuyers()).isEqualTo(6);
        assertThat(kit.share()).isEqualByComparingTo("0.6");
        assertThat(kit.purchases().count()).isEqualTo(6);
        assertThat(kit.purchases().amount()).isEqualTo(6 * KIT.minorUnits());
        assertThat(kit.purchases().evidence().eventIds()).containsExactlyElementsOf(kitSales.values());
        assertThat(kit.uplineCommissions().count()).isEqualTo(6);
        assertThat(kit.uplineCommissions().amount()).isEqualTo(6 * 9_980);
        assertThat(kit.uplineCommissions().evidence().eventIds()).containsExactlyElementsOf(kitCommissions.values());
        InferredGate tea = gates.get(1);
        assertThat(tea.gateBuyers()).isEqualTo(2);
        assertThat(tea.uplineCommissions().evidence().eventIds()).containsExactlyElementsOf(teaCommissions.values());
    }

    @Test
    void aSubtreeCountsItsRootsRecruitsButNotItsRootWhichIsTheOrganiser() {
        kitNetwork("M-kit-sub");

        InferredGate kit = facts.load("M-kit-sub", "D-1", AS_OF).inferredGates().get(0);

        assertThat(kit.recruits()).isEqualTo(10);
        assertThat(kit.gateBuyers()).isEqualTo(6);
    }

    @Test
    void theGateInFactMakesTheEntryFeeAndHeadcountPayFindingsWithItsShareAgainstTheThresholdAndTheNetworkSuspected() {
        kitNetwork("M-kit-risk");

        JsonNode risk = api().ok("/merchants/M-kit-risk/risk?asOf=" + AS_OF);

        JsonNode entryFee = finding(risk, "CN-ENTRY-FEE");
        assertThat(measurement(entryFee, "inferredGateShare").path("value").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(measurement(entryFee, "inferredGateShare").path("threshold").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(measurement(entryFee, "entryPayments").path("value").asLong()).isEqualTo(8 + 6);
        assertThat(entryFee.path("evidenceEventIds")).extracting(JsonNode::asText).containsAll(kitSales.values()).containsAll(kitCommissions.values());
        JsonNode headcount = finding(risk, "CN-HEADCOUNT-PAY");
        assertThat(measurement(headcount, "inferredGatePayments").path("value").asLong()).isEqualTo(6);
        assertThat(headcount.path("evidenceEventIds")).extracting(JsonNode::asText).containsExactlyElementsOf(kitCommissions.values());
        assertThat(StreamSupport.stream(risk.path("findings").spliterator(), false).map(f -> f.path("ruleId").asText()))
                .as("a Chinese merchant is not judged by FTC practice").noneMatch(rule -> rule.startsWith("US-"));
        assertThat(risk.path("pyramidSuspected").asBoolean()).isTrue();
        assertThat(risk.path("verdict").path("decisive")).extracting(JsonNode::asText).contains("CN-ENTRY-FEE", "CN-HEADCOUNT-PAY");
        JsonNode inChinese = api().ok("/merchants/M-kit-risk/risk?lang=zh-CN&asOf=" + AS_OF).path("verdict");
        assertThat(inChinese.path("explanation").asText()).startsWith("涉嫌传销：")
                .contains("CN-ENTRY-FEE", "CN-HEADCOUNT-PAY").as("listed the Chinese way").doesNotContain(", ");
    }

    /**
     * A root D-1 and recruits R-1..R-10 a day apart, all under D-1, and R-11 two days before the day
     * judged. R-n buys the kit n % 4 days after joining (R-9 ten days after, R-10 never), R-6 again
     * three weeks later; each kit and each of R-1's and R-2's teas pays D-1 10 %, but for R-8's kit.
     * R-3..R-10 also buy a declared starter package, paying D-1. The gate buyers of the kit are R-1..R-5
     * and R-7.
     */
    private void kitNetwork(String merchantId) {
        kitSales.clear();
        kitCommissions.clear();
        teaCommissions.clear();
        var network = new Network(newHistory(), merchantId);
        network.enrol("D-1", null, JAN);
        for (int n = 1; n <= 10; n++) {
            Instant joined = JAN.plus(Duration.ofDays(n));
            network.enrol("R-" + n, "D-1", joined);
            if (n <= 9) {
                Instant bought = joined.plus(Duration.ofDays(n == 9 ? 10 : n % 4)).plusSeconds(60L * n);
                String sale = network.buy("K-" + n, "R-" + n, "L-KIT", ListingKind.PRODUCT, KIT, bought);
                String commission = n == 8 ? null : network.commission("K-" + n, "D-1", KIT, bought);
                if (n < 8 && n != 6) {
                    kitSales.put(bought, sale);
                    kitCommissions.put(bought, commission);
                }
                if (n == 6) {
                    Instant again = bought.plus(Duration.ofDays(21));
                    network.buy("K-6b", "R-6", "L-KIT", ListingKind.PRODUCT, KIT, again);
                    network.commission("K-6b", "D-1", KIT, again);
                }
            }
            if (n <= 2) {
                network.buy("T-" + n, "R-" + n, "L-TEA", ListingKind.PRODUCT, TEA, joined.plus(Duration.ofDays(1)));
                teaCommissions.put(joined.plus(Duration.ofDays(1)),
                        network.commission("T-" + n, "D-1", TEA, joined.plus(Duration.ofDays(1))));
            }
            if (n >= 3) {
                Money pack = Money.of(50_000, "CNY");
                network.buy("P-" + n, "R-" + n, "L-PACK", ListingKind.STARTER_PACKAGE, pack, joined.plusSeconds(30));
                network.commission("P-" + n, "D-1", pack, joined.plusSeconds(30));
            }
        }
        Instant late = AS_OF.minusDays(2).atTime(8, 0).toInstant(ZoneOffset.UTC);
        network.enrol("R-11", "D-1", late);
        network.buy("K-11", "R-11", "L-KIT", ListingKind.PRODUCT, KIT, late.plusSeconds(60));
        network.commission("K-11", "D-1", KIT, late.plusSeconds(60));
        network.await();
    }

    /** Events of one network, appended as the command side records them. */
    private final class Network {

        private final LedgerHistory history;
        private final MerchantId merchant;
        private long last;

        Network(LedgerHistory history, String merchantId) {
            this.history = history;
            this.merchant = MerchantId.of(merchantId);
            history.append(StreamIds.merchant(merchant),
                    new MerchantRegistered(merchant, merchantId + " Co", "LIC-" + merchantId, "CN", JAN));
            last = history.append(StreamIds.merchant(merchant), new CompensationPlanDeclared(merchant, 1,
                    new CompensationPlan(List.of(new LevelRate(2, 1000)), null, null, List.of(), null, 30, 9000), JAN));
        }

        void enrol(String distributorId, String sponsorId, Instant at) {
            DistributorId id = DistributorId.of(distributorId);
            DistributorId sponsor = sponsorId == null ? null : DistributorId.of(sponsorId);
            last = history.append(StreamIds.distributor(merchant, id), new DistributorEnrolled(merchant, id, sponsor,
                    sponsor == null ? List.of() : List.of(sponsor), null, 1, at));
        }

        /** A participant's purchase from the merchant; returns its event id. */
        String buy(String saleId, String buyerId, String listingId, ListingKind kind, Money price, Instant at) {
            SaleId sale = SaleId.of(saleId);
            last = history.append(StreamIds.sale(merchant, sale), new SaleRecorded(merchant, sale, ListingId.of(listingId),
                    kind, null, Buyer.participant(DistributorId.of(buyerId)), 1, price, price, 1, at));
            return eventIdAt(last);
        }

        /** 10 % of the sale to the buyer's sponsor, level 2; returns its event id. */
        String commission(String saleId, String beneficiaryId, Money base, Instant at) {
            SaleId sale = SaleId.of(saleId);
            last = history.append(StreamIds.sale(merchant, sale), new CommissionAccrued(merchant,
                    CommissionId.onSale(sale, 2), DistributorId.of(beneficiaryId), 2, CommissionBasis.DOWNLINE_PURCHASE,
                    Money.of(base.minorUnits() / 10, "CNY"), base, 1000, 1, sale, null, at));
            return eventIdAt(last);
        }

        void await() {
            history.awaitProcessed(last);
        }
    }

    private String eventIdAt(long position) {
        return jdbc.queryForObject("SELECT event_identifier FROM axon.domain_event_entry WHERE global_index = ?",
                String.class, position);
    }

    private static JsonNode finding(JsonNode evaluation, String rule) {
        return StreamSupport.stream(evaluation.path("findings").spliterator(), false)
                .filter(f -> f.path("ruleId").asText().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + evaluation.path("findings")));
    }

    private static JsonNode measurement(JsonNode finding, String name) {
        return StreamSupport.stream(finding.path("measurements").spliterator(), false)
                .filter(m -> m.path("name").asText().equals(name)).findFirst().orElseThrow();
    }
}
