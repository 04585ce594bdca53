package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
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
        assertThat(finding.reason()).isEqualTo(
                "Participants paid 700.00 in 3 payments to join: 2 joining fees and 1 purchase of starter packages, memberships or stakes");
    }
}
