package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RuleCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class TeamPayTest {

    private final TeamPay rule = new TeamPay();

    @Test
    void a_single_commission_to_a_second_level_upline_fires_with_its_evidence() {
        Facts network = network();
        network.teamPay = tally(1234, "C-9");

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("teamPayments", BigDecimal.ONE, "payments", ">=", BigDecimal.ONE),
                    new Measurement("teamPayAmount", BigDecimal.valueOf(1234), "minor units", null, null));
            assertThat(finding.evidence()).isEqualTo(evidence("C-9"));
            assertThat(english(finding.reason())).isEqualTo(
                    "The network paid uplines 1 commission totalling 12.34 on the sales or purchases of their downline at level 2 or deeper");
        });
    }

    @Test
    void pay_per_recruit_alone_is_not_team_pay() {
        Facts network = network();
        network.headcountPay = tally(1000, "C-1");

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void team_pay_is_a_compliance_matter_not_a_pyramid_indicator() {
        assertThat(TeamPay.DESCRIPTION.category()).isEqualTo(RuleCategory.COMPLIANCE);
    }
}
