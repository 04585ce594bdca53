package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.month;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseTeamPayTest {

    private final PurchaseTeamPay rule = new PurchaseTeamPay();

    @Test
    void team_pay_on_participants_buying_twice_what_end_customers_do_fires_for_that_month() {
        Facts network = network();
        network.teamPaidMonths.add(new TeamPaidMonth(month("2026-02"), tally(200_000, "S-1", "S-2"), tally(100_000, "S-3"),
                tally(10_000, "C-1", "C-2", "C-3")));

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.period()).isEqualTo("2026-02");
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("participantPurchaseShare", new BigDecimal("0.6667"), "share", ">=", new BigDecimal("0.6667")),
                    new Measurement("teamPay", BigDecimal.valueOf(10_000), "minor units", ">=", BigDecimal.valueOf(10_000)),
                    new Measurement("teamPayments", BigDecimal.valueOf(3), "payments", null, null),
                    new Measurement("participantPurchases", BigDecimal.valueOf(200_000), "minor units", null, null),
                    new Measurement("retail", BigDecimal.valueOf(100_000), "minor units", null, null));
            assertThat(finding.evidence()).isEqualTo(evidence("S-1", "S-2", "C-1", "C-2", "C-3"));
            assertThat(english(finding.reason())).isEqualTo("In 2026-02, uplines at level 2 or deeper were paid 100.00 on sales of "
                    + "3,000.00, 66.67% of which the participants bought themselves (2,000.00) against 1,000.00 sold to end customers");
        });
    }

    @Test
    void participants_buying_a_little_less_than_twice_the_retail_do_not_fire() {
        Facts network = network();
        network.teamPaidMonths.add(new TeamPaidMonth(month("2026-02"), tally(199_900, "S-1"), tally(100_000, "S-2"),
                tally(50_000, "C-1")));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void team_pay_on_real_sales_to_consumers_is_not_this_finding() {
        Facts network = network();
        network.teamPaidMonths.add(new TeamPaidMonth(month("2026-02"), tally(10_000, "S-1"), tally(900_000, "S-2"),
                tally(60_000, "C-1")));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void a_month_with_less_team_pay_than_the_minimum_is_noise() {
        Facts network = network();
        network.teamPaidMonths.add(new TeamPaidMonth(month("2026-02"), tally(99_000, "S-1"), Tally.NONE, tally(9_999, "C-1")));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void each_month_is_judged_on_its_own() {
        Facts network = network();
        network.teamPaidMonths.add(new TeamPaidMonth(month("2026-01"), tally(300_000, "S-1"), tally(10_000, "S-2"),
                tally(20_000, "C-1")));
        network.teamPaidMonths.add(new TeamPaidMonth(month("2026-02"), tally(10_000, "S-3"), tally(300_000, "S-4"),
                tally(20_000, "C-2")));
        network.teamPaidMonths.add(new TeamPaidMonth(month("2026-03"), tally(500_000, "S-5"), Tally.NONE,
                tally(25_000, "C-3")));

        assertThat(judge(rule, network.facts())).extracting(Finding::period).containsExactly("2026-01", "2026-03");
    }

    @Test
    void it_is_a_monthly_pyramid_indicator() {
        assertThat(PurchaseTeamPay.DESCRIPTION.id()).isEqualTo("CN-PURCHASE-TEAM-PAY");
        assertThat(PurchaseTeamPay.DESCRIPTION.category()).isEqualTo(RuleCategory.PYRAMID_INDICATOR);
        assertThat(PurchaseTeamPay.DESCRIPTION.periodic()).isTrue();
    }
}
