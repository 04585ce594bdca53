package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
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
            assertThat(finding.reason()).isEqualTo(
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
}
