package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
import static com.marketplaceledger.supervision.detection.rules.Sentences.chinese;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static com.marketplaceledger.supervision.detection.rules.Facts.gate;
import static com.marketplaceledger.supervision.detection.rules.Facts.measurement;
import static org.assertj.core.api.Assertions.assertThat;

class EntryFeeTest {

    private final EntryFee rule = new EntryFee();

    @Test
    void a_single_joining_fee_fires() {
        Facts network = network();
        network.joiningFees = tally(9900, "E-1");

        assertThat(judge(rule, network.facts())).singleElement()
                .satisfies(finding -> assertThat(finding.measurements().get(0)).isEqualTo(
                        new Measurement("entryPayments", BigDecimal.ONE, "payments", ">=", BigDecimal.ONE)));
    }

    @Test
    void a_single_starter_package_fires_as_a_disguised_fee() {
        Facts network = network();
        network.gatePurchases = tally(49900, "P-1");

        assertThat(judge(rule, network.facts())).hasSize(1);
    }

    @Test
    void a_plan_demanding_a_fee_that_nobody_paid_yet_does_not_fire() {
        Facts network = network();
        network.gatePlans = evidence("PLAN-1");

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void the_plan_comes_first_in_the_evidence_then_fees_and_purchases_with_their_counts() {
        Facts network = network();
        network.gatePlans = evidence("PLAN-1");
        network.joiningFees = tally(20000, "E-1", "E-2");
        network.gatePurchases = tally(50000, "P-1");

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(finding.evidence()).isEqualTo(evidence("PLAN-1", "E-1", "E-2", "P-1"));
        assertThat(finding.measurements()).containsExactly(
                new Measurement("entryPayments", BigDecimal.valueOf(3), "payments", ">=", BigDecimal.ONE),
                new Measurement("joiningFees", BigDecimal.valueOf(2), "payments", null, null),
                new Measurement("gatePurchases", BigDecimal.ONE, "payments", null, null),
                new Measurement("entryAmount", BigDecimal.valueOf(70000), "minor units", null, null),
                new Measurement("gatePlans", BigDecimal.ONE, "plans", null, null));
        assertThat(english(finding.reason())).isEqualTo(
                "Participants paid 700.00 in 3 payments to join: 2 joining fees and 1 purchase of starter packages, memberships or stakes");
    }


    @Test
    void a_product_most_recruits_buy_on_joining_paying_their_upline_fires_as_a_gate_in_fact() {
        Facts network = network();
        network.inferredGates.add(gate("L-KIT", 10, 8));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(measurement(finding, "entryPayments").value()).isEqualByComparingTo("8");
        assertThat(measurement(finding, "entryAmount").value()).isEqualByComparingTo("80000");
        assertThat(measurement(finding, "inferredGateShare")).isEqualTo(
                new Measurement("inferredGateShare", new BigDecimal("0.8000"), "share", ">=", new BigDecimal("0.6000")));
        assertThat(measurement(finding, "inferredGateRecruits")).isEqualTo(
                new Measurement("inferredGateRecruits", BigDecimal.TEN, "people", ">=", BigDecimal.TEN));
        assertThat(measurement(finding, "gateWindowDays").value()).isEqualByComparingTo("7");
        assertThat(finding.evidence().eventIds()).startsWith("S-L-KIT-1").contains("C-L-KIT-8");
        assertThat(finding.evidence().total()).isEqualTo(16);
        assertThat(english(finding.reason())).isEqualTo("Participants paid 800.00 in 8 payments to join: 0 joining fees, "
                + "0 purchases of starter packages, memberships or stakes, and 8 purchases on joining of a listing that is a "
                + "gate in fact: L-KIT, declared as an ordinary product, was bought within 7 days of joining by 8 of 10 "
                + "recruits (80%), paying their upline");
        assertThat(chinese(finding.reason())).contains("申报为普通商品的商品L-KIT").contains("10名新加入人员中有8名（80%）");
    }

    @Test
    void a_gate_in_fact_needs_the_share_inclusive_of_its_threshold() {
        Facts atThreshold = network();
        atThreshold.inferredGates.add(gate("L-KIT", 10, 6));
        Facts below = network();
        below.inferredGates.add(gate("L-KIT", 10, 5));

        assertThat(judge(rule, atThreshold.facts())).hasSize(1);
        assertThat(judge(rule, below.facts())).isEmpty();
    }

    @Test
    void a_handful_of_recruits_buying_the_same_thing_on_joining_is_no_gate() {
        Facts network = network();
        network.inferredGates.add(gate("L-KIT", 9, 9));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void declared_fees_are_measured_as_before_when_no_listing_is_a_gate_in_fact() {
        Facts network = network();
        network.joiningFees = tally(20000, "E-1");
        network.inferredGates.add(gate("L-TEA", 10, 3));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(finding.measurements()).extracting(Measurement::name)
                .containsExactly("entryPayments", "joiningFees", "gatePurchases", "entryAmount", "gatePlans");
        assertThat(finding.evidence()).isEqualTo(evidence("E-1"));
    }
}
