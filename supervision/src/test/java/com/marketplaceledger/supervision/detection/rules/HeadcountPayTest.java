package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static com.marketplaceledger.supervision.detection.rules.Facts.gate;
import static com.marketplaceledger.supervision.detection.rules.Facts.measurement;
import static org.assertj.core.api.Assertions.assertThat;

class HeadcountPayTest {

    private final HeadcountPay rule = new HeadcountPay();

    @Test
    void a_single_payment_per_recruit_fires() {
        Facts network = network();
        network.headcountPay = tally(5000, "C-1");

        List<Finding> findings = judge(rule, network.facts());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.period()).isNull();
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("headcountPayments", BigDecimal.ONE, "payments", ">=", BigDecimal.ONE),
                    new Measurement("headcountPayAmount", BigDecimal.valueOf(5000), "minor units", null, null));
            assertThat(finding.evidence()).isEqualTo(Facts.evidence("C-1"));
            assertThat(english(finding.reason())).isEqualTo(
                    "The network paid 1 commission totalling 50.00 for recruiting people (recruitment bonuses or shares of joining fees)");
        });
    }

    @Test
    void a_network_without_pay_per_recruit_does_not_fire() {
        Facts network = network();
        network.teamPay = tally(5000, "C-1");
        network.joiningFees = tally(10000, "E-1");

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void the_description_is_the_catalogue_entry() {
        assertThat(HeadcountPay.DESCRIPTION.id()).isEqualTo("CN-HEADCOUNT-PAY");
        assertThat(HeadcountPay.DESCRIPTION.periodic()).isFalse();
        assertThat(HeadcountPay.DESCRIPTION.thresholds()).containsEntry("minPayments", BigDecimal.ONE);
    }


    @Test
    void commissions_on_purchases_of_a_gate_in_fact_are_pay_per_head_and_their_own_evidence() {
        Facts network = network();
        network.headcountPay = tally(5000, "C-1");
        network.inferredGates.add(gate("L-KIT", 10, 9));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(measurement(finding, "headcountPayments").value()).isEqualByComparingTo("10");
        assertThat(measurement(finding, "headcountPayAmount").value()).isEqualByComparingTo("14000");
        assertThat(measurement(finding, "inferredGatePayments").value()).isEqualByComparingTo("9");
        assertThat(measurement(finding, "inferredGateShare").value()).isEqualByComparingTo("0.9");
        assertThat(finding.evidence().eventIds()).startsWith("C-1", "C-L-KIT-1").doesNotContain("S-L-KIT-1");
        assertThat(finding.evidence().total()).isEqualTo(10);
        assertThat(english(finding.reason())).isEqualTo("The network paid 10 commissions totalling 140.00 for recruiting people: "
                + "1 as recruitment bonuses or shares of joining fees, and 9 to uplines on recruits' purchases of a listing "
                + "that is a gate in fact: L-KIT, declared as an ordinary product, was bought within 7 days of joining by 9 "
                + "of 10 recruits (90%), paying their upline");
    }

    @Test
    void the_most_taken_up_of_several_gates_in_fact_is_named_and_every_gates_commissions_count() {
        Facts network = network();
        network.inferredGates.add(gate("L-KIT", 10, 9));
        network.inferredGates.add(gate("L-PASS", 10, 7));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(measurement(finding, "inferredGatePayments").value()).isEqualByComparingTo("16");
        assertThat(measurement(finding, "inferredGates").value()).isEqualByComparingTo("2");
        assertThat(english(finding.reason())).contains("L-KIT").endsWith("(the most taken up of 2 such listings)");
    }

    @Test
    void upline_pay_on_a_listing_few_recruits_bought_on_joining_is_no_pay_per_head() {
        Facts network = network();
        network.inferredGates.add(gate("L-TEA", 20, 5));

        assertThat(judge(rule, network.facts())).isEmpty();
    }
}
