package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static com.marketplaceledger.supervision.detection.rules.Facts.gate;
import static com.marketplaceledger.supervision.detection.rules.Facts.measurement;
import static org.assertj.core.api.Assertions.assertThat;

class KoscotTest {

    private final Koscot rule = new Koscot();

    @Test
    void a_starter_package_and_a_single_reward_per_recruit_fire() {
        Facts network = network();
        network.gatePurchases = tally(49900, "P-1");
        network.headcountPay = tally(5000, "C-1");

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("headcountPayments", BigDecimal.ONE, "payments", ">=", BigDecimal.ONE),
                    new Measurement("entryPayments", BigDecimal.ONE, "payments", null, null));
            assertThat(english(finding.reason())).isEqualTo("Participants made 1 entry payment for the right to join and sell, "
                    + "and the network paid 1 reward for recruiting them rather than for sales to end users");
        });
    }

    @Test
    void the_evidence_is_the_fees_and_packages_then_the_rewards() {
        Facts network = network();
        network.joiningFees = tally(100, "E-1");
        network.gatePurchases = tally(100, "P-1");
        network.headcountPay = tally(100, "C-1", "C-2");

        assertThat(judge(rule, network.facts()).get(0).evidence()).isEqualTo(evidence("E-1", "P-1", "C-1", "C-2"));
    }

    @Test
    void paying_to_join_without_rewards_for_recruiting_does_not_fire() {
        Facts network = network();
        network.joiningFees = tally(100, "E-1");

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void rewards_for_recruiting_without_paying_to_join_do_not_fire() {
        Facts network = network();
        network.headcountPay = tally(100, "C-1");

        assertThat(judge(rule, network.facts())).isEmpty();
    }


    @Test
    void a_gate_in_fact_with_upline_pay_on_it_is_paying_to_join_and_rewarded_for_recruiting() {
        Facts network = network();
        network.inferredGates.add(gate("L-KIT", 12, 10));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(measurement(finding, "headcountPayments").value()).isEqualByComparingTo("10");
        assertThat(measurement(finding, "entryPayments").value()).isEqualByComparingTo("10");
        assertThat(measurement(finding, "inferredGateShare").value()).isEqualByComparingTo("0.8333");
        assertThat(finding.evidence().eventIds()).contains("S-L-KIT-1", "C-L-KIT-10");
        assertThat(english(finding.reason())).endsWith("; 10 entry payments were the purchase on joining of a listing "
                + "declared as an ordinary product: L-KIT, bought within 7 days of joining by 10 of 12 recruits (83.33%), "
                + "each paying their upline");
    }

    @Test
    void a_listing_too_few_recruits_bought_on_joining_is_no_entry_payment() {
        Facts network = network();
        network.inferredGates.add(gate("L-TEA", 12, 4));

        assertThat(judge(rule, network.facts())).isEmpty();
    }
}
