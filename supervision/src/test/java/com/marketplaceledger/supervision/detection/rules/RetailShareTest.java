package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Month;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.month;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class RetailShareTest {

    private final RetailShare rule = new RetailShare();

    private static Month revenue(String month, long retail, long purchases, long fees) {
        return new Month(month(month), tally(retail, "S-" + month), tally(purchases, "P-" + month),
                fees == 0 ? Tally.NONE : tally(fees, "E-" + month));
    }

    @Test
    void exactly_half_the_revenue_from_end_customers_fires_for_that_month() {
        Facts network = network();
        network.months.add(revenue("2026-03", 50_000, 40_000, 10_000));

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.period()).isEqualTo("2026-03");
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("retailShare", new BigDecimal("0.5000"), "share", "<=", new BigDecimal("0.5000")),
                    new Measurement("revenue", BigDecimal.valueOf(100_000), "minor units", ">=", BigDecimal.valueOf(100_000)),
                    new Measurement("retail", BigDecimal.valueOf(50_000), "minor units", null, null),
                    new Measurement("participantPurchases", BigDecimal.valueOf(40_000), "minor units", null, null),
                    new Measurement("joiningFees", BigDecimal.valueOf(10_000), "minor units", null, null));
            assertThat(finding.evidence()).isEqualTo(evidence("P-2026-03", "E-2026-03"));
            assertThat(english(finding.reason())).isEqualTo("In 2026-03, 50% of the network's revenue of 1,000.00 came from its own "
                    + "participants (400.00 in purchases and 100.00 in joining fees); only 50% came from sales to end customers");
        });
    }

    @Test
    void just_over_half_the_revenue_from_end_customers_does_not_fire() {
        Facts network = network();
        network.months.add(revenue("2026-03", 50_001, 49_999, 0));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void a_month_with_less_revenue_than_the_minimum_is_not_judged() {
        Facts network = network();
        network.months.add(revenue("2026-03", 0, 99_999, 0));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void each_failing_month_is_its_own_finding_in_month_order() {
        Facts network = network();
        network.months.add(revenue("2026-03", 10_000, 90_000, 0));
        network.months.add(revenue("2026-02", 90_000, 10_000, 0));
        network.months.add(revenue("2026-01", 0, 100_000, 0));

        assertThat(judge(rule, network.facts())).extracting(Finding::period).containsExactly("2026-01", "2026-03");
    }
}
