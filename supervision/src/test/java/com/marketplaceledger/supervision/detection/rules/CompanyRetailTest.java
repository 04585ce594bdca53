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
import static org.assertj.core.api.Assertions.assertThat;

class CompanyRetailTest {

    private final CompanyRetail rule = new CompanyRetail();

    private static Facts network(long retail, long internal) {
        Facts network = Facts.network();
        network.productRetail = tally(retail, "S-1");
        network.productInternal = tally(internal, "P-1", "P-2");
        return network;
    }

    @Test
    void just_under_80_percent_of_product_revenue_from_retail_fires() {
        assertThat(judge(rule, network(79_999, 20_001).facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("retailShareOfProductRevenue", new BigDecimal("0.7999"), "share", "<", new BigDecimal("0.8000")),
                    new Measurement("productRevenue", BigDecimal.valueOf(100_000), "minor units", ">=", BigDecimal.valueOf(100_000)),
                    new Measurement("productRetail", BigDecimal.valueOf(79_999), "minor units", null, null),
                    new Measurement("productInternal", BigDecimal.valueOf(20_001), "minor units", null, null));
            assertThat(finding.evidence()).isEqualTo(evidence("P-1", "P-2"));
            assertThat(english(finding.reason())).isEqualTo("Only 79.99% of product revenue (799.99 of 1,000.00) came from sales to end "
                    + "customers, below the 80% required; participants bought the other 200.01");
        });
    }

    @Test
    void exactly_80_percent_of_product_revenue_from_retail_does_not_fire() {
        assertThat(judge(rule, network(80_000, 20_000).facts())).isEmpty();
    }

    @Test
    void product_revenue_under_the_minimum_is_not_judged() {
        assertThat(judge(rule, network(0, 99_999).facts())).isEmpty();
    }

    @Test
    void the_source_says_the_figure_is_unconfirmed() {
        assertThat(english(CompanyRetail.DESCRIPTION.sourceKey())).contains("Herbalife").contains("(unconfirmed)");
        assertThat(chinese(CompanyRetail.DESCRIPTION.sourceKey())).contains("Herbalife").contains("未经核实");
    }
}
