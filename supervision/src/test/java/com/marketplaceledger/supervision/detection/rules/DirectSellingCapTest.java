package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerMonth;
import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.month;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class DirectSellingCapTest {

    private final DirectSellingCap rule = new DirectSellingCap();

    private static EarnerMonth earner(String month, String distributor, long pay, long ownRetail) {
        return new EarnerMonth(month(month), distributor, pay, 0, ownRetail, 1, 1);
    }

    @Test
    void a_month_with_more_earners_over_the_cap_than_the_evidence_shows_is_shown_worst_first() {
        Facts network = network();
        List<Integer> order = new ArrayList<>(IntStream.rangeClosed(1, 3_000).boxed().toList());
        Collections.shuffle(order, new Random(7));
        // D-n is paid n above the cap on 10,000 of own retail sales: D-3000 is the worst
        order.forEach(n -> network.earners.add(earner("2026-03", "D-" + n, 3000 + n, 10000)));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(Facts.measurement(finding, "distributorsOverCap").value()).isEqualByComparingTo("3000");
        assertThat(english(finding.reason())).contains("the worst, D-3000, received 60.00");
        assertThat(finding.evidence().eventIds()).hasSize(Evidence.MOST)
                .startsWith("C-D-3000-2026-03", "C-D-2999-2026-03").endsWith("C-D-2001-2026-03");
        assertThat(finding.evidence().total()).isEqualTo(3_000);
    }

    @Test
    void pay_of_exactly_30_percent_of_own_retail_sales_is_within_the_cap() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 3000, 10000));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void pay_just_above_30_percent_of_own_retail_sales_fires_for_that_month() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 3001, 10000));

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.period()).isEqualTo("2026-03");
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("distributorsOverCap", BigDecimal.ONE, "distributors", null, null),
                    new Measurement("worstPayShare", new BigDecimal("0.3001"), "share", ">", new BigDecimal("0.3000")),
                    new Measurement("worstPay", BigDecimal.valueOf(3001), "minor units", null, null),
                    new Measurement("worstOwnRetail", BigDecimal.valueOf(10000), "minor units", null, null));
            assertThat(english(finding.reason())).isEqualTo("In 2026-03, the network paid 1 distributor more than 30% of their own "
                    + "retail sales; the worst, D-1, received 30.01 on own retail sales of 100.00 (30.01%)");
        });
    }

    @Test
    void a_share_a_hair_over_the_cap_reads_over_it() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 300_001, 1_000_000));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(Facts.measurement(finding, "worstPayShare").value()).isEqualTo(new BigDecimal("0.3001"));
        assertThat(english(finding.reason())).endsWith("(30.01%)");
    }

    @Test
    void any_pay_without_own_retail_sales_breaches_the_cap_and_is_the_worst() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 9000, 10000));
        network.earners.add(earner("2026-03", "D-2", 1, 0));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(finding.measurements()).containsExactly(
                new Measurement("distributorsOverCap", BigDecimal.valueOf(2), "distributors", null, null),
                new Measurement("worstPay", BigDecimal.ONE, "minor units", null, null),
                new Measurement("worstOwnRetail", BigDecimal.ZERO, "minor units", null, null));
        assertThat(finding.evidence()).isEqualTo(evidence("C-D-2-2026-03", "C-D-1-2026-03"));
        assertThat(english(finding.reason())).isEqualTo("In 2026-03, the network paid 2 distributors more than 30% of their own "
                + "retail sales; the worst, D-2, received 0.01 with no retail sales of its own");
    }

    @Test
    void one_finding_per_month_with_breaches_in_month_order_each_led_by_its_worst_offender() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 5000, 10000));
        network.earners.add(earner("2026-03", "D-2", 8000, 10000));
        network.earners.add(earner("2026-02", "D-1", 1000, 10000));
        network.earners.add(earner("2026-01", "D-3", 4000, 10000));

        List<Finding> findings = judge(rule, network.facts());

        assertThat(findings).extracting(Finding::period).containsExactly("2026-01", "2026-03");
        assertThat(findings.get(1).evidence()).isEqualTo(evidence("C-D-2-2026-03", "C-D-1-2026-03"));
        assertThat(Facts.measurement(findings.get(1), "worstPayShare").value()).isEqualByComparingTo("0.8");
    }
}
