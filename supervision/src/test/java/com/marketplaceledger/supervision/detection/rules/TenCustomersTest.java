package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerMonth;
import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.month;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class TenCustomersTest {

    private final TenCustomers rule = new TenCustomers();

    private static EarnerMonth earner(String month, String distributor, long performancePay, long customers) {
        return new EarnerMonth(month(month), distributor, performancePay + 100, performancePay, 1000, customers, 1);
    }

    @Test
    void half_the_bonused_distributors_short_of_ten_customers_fire_for_that_month() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 500, 9));
        network.earners.add(earner("2026-03", "D-2", 500, 10));

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.period()).isEqualTo("2026-03");
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("shareBelowMinCustomers", new BigDecimal("0.5000"), "share", ">=", new BigDecimal("0.5000")),
                    new Measurement("earnersBelowMinCustomers", BigDecimal.ONE, "distributors", null, null),
                    new Measurement("earnersWithPerformancePay", BigDecimal.valueOf(2), "distributors", null, null),
                    new Measurement("fewestCustomers", BigDecimal.valueOf(9), "customers", "<", BigDecimal.TEN));
            assertThat(finding.evidence()).isEqualTo(evidence("C-D-1-2026-03"));
            assertThat(english(finding.reason())).isEqualTo(
                    "In 2026-03, 1 of the 2 distributors paid a performance bonus (50%) had sold to fewer than 10 retail customers");
        });
    }

    @Test
    void one_of_three_short_of_ten_customers_does_not_fire() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 500, 9));
        network.earners.add(earner("2026-03", "D-2", 500, 10));
        network.earners.add(earner("2026-03", "D-3", 500, 10));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void distributors_without_a_performance_bonus_are_not_judged() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 0, 0));
        network.earners.add(earner("2026-03", "D-2", 0, 0));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void each_month_is_judged_on_its_own_in_month_order() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 500, 0));
        network.earners.add(earner("2026-02", "D-1", 500, 20));
        network.earners.add(earner("2026-01", "D-2", 500, 3));
        network.earners.add(earner("2026-01", "D-1", 500, 5));

        List<Finding> findings = judge(rule, network.facts());

        assertThat(findings).extracting(Finding::period).containsExactly("2026-01", "2026-03");
        assertThat(findings.get(0).evidence()).isEqualTo(evidence("C-D-2-2026-01", "C-D-1-2026-01"));
        assertThat(Facts.measurement(findings.get(0), "fewestCustomers").value()).isEqualTo(BigDecimal.valueOf(3));
    }

    @Test
    void thousands_short_of_customers_show_the_first_thousand_and_count_every_event_behind_them() {
        Facts network = network();
        for (int n = 1; n <= 1_500; n++) {
            network.earners.add(new EarnerMonth(month("2026-03"), "D-" + n, 600, 500, 1000, 2, 3));
        }
        network.earners.add(earner("2026-03", "D-ok", 500, 10));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(Facts.measurement(finding, "earnersBelowMinCustomers").value()).isEqualByComparingTo("1500");
        assertThat(finding.evidence().eventIds()).hasSize(Evidence.MOST)
                .startsWith("C-D-1-2026-03", "C-D-2-2026-03").endsWith("C-D-1000-2026-03");
        assertThat(finding.evidence().total()).as("three events behind each of 1,500 earners").isEqualTo(4_500);
    }

    @Test
    void the_month_in_progress_is_not_judged_until_its_last_day() {
        Facts network = network();
        // the network judged on 2026-03-12: its leaders had ten customers in February, and four so far in March
        network.asOf = LocalDate.parse("2026-03-12");
        network.earners.add(earner("2026-02", "D-1", 500, 12));
        network.earners.add(earner("2026-02", "D-2", 500, 13));
        network.earners.add(earner("2026-03", "D-1", 500, 4));
        network.earners.add(earner("2026-03", "D-2", 500, 3));

        assertThat(judge(rule, network.facts())).isEmpty();

        network.asOf = LocalDate.parse("2026-03-30");
        assertThat(judge(rule, network.facts())).as("a day before the month ends").isEmpty();
    }

    @Test
    void a_month_is_judged_as_of_its_last_day_and_later() {
        Facts network = network();
        network.earners.add(earner("2026-03", "D-1", 500, 4));
        network.earners.add(earner("2026-03", "D-2", 500, 3));
        network.earners.add(earner("2026-04", "D-1", 500, 1));

        for (String asOf : List.of("2026-03-31", "2026-04-01", "2026-04-29")) {
            network.asOf = LocalDate.parse(asOf);
            assertThat(judge(rule, network.facts())).as("as of %s", asOf).extracting(Finding::period)
                    .containsExactly("2026-03");
        }
        network.asOf = LocalDate.parse("2026-04-30");
        assertThat(judge(rule, network.facts())).extracting(Finding::period).containsExactly("2026-03", "2026-04");
    }
}
