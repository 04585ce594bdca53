package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.RefundCase;
import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class BuybackTest {

    private final Buyback rule = new Buyback();

    private static Facts plan(int buybackBasisPoints) {
        Facts network = network();
        network.buybackBasisPoints = buybackBasisPoints;
        network.planEventId = "PLAN-1";
        return network;
    }

    private static RefundCase participantReturn(String id, String soldAt, String requestedAt, String answer) {
        return new RefundCase("S-" + id, "R-" + id, true, Instant.parse(soldAt), Instant.parse(requestedAt), answer,
                Instant.parse(requestedAt).plusSeconds(60), "REQ-" + id, "ANS-" + id);
    }

    @Test
    void a_plan_buying_back_at_just_under_90_percent_fires_with_the_plan_as_evidence() {
        assertThat(judge(rule, plan(8999).facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("planBuybackRate", new BigDecimal("0.8999"), "share", "<", new BigDecimal("0.9000")),
                    new Measurement("refusedReturns", BigDecimal.ZERO, "refunds", null, null));
            assertThat(finding.evidence()).isEqualTo(evidence("PLAN-1"));
            assertThat(english(finding.reason())).isEqualTo("The plan buys back stock at 89.99% of cost, below 90%");
        });
    }

    @Test
    void a_plan_buying_back_at_90_percent_does_not_fire() {
        assertThat(judge(rule, plan(9000).facts())).isEmpty();
    }

    @Test
    void a_refused_return_of_stock_bought_365_days_before_fires_without_a_plan() {
        Facts network = network();
        network.refunds.add(participantReturn("1", "2025-03-01T12:00:00Z", "2026-03-01T12:00:00Z", "REFUSED"));

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("refusedReturns", BigDecimal.ONE, "refunds", null, null));
            assertThat(finding.evidence()).isEqualTo(evidence("REQ-1", "ANS-1"));
            assertThat(english(finding.reason())).isEqualTo(
                    "1 participant's return of stock bought at most 365 days before was refused");
        });
    }

    @Test
    void a_refused_return_of_stock_bought_more_than_365_days_before_does_not_fire() {
        Facts network = network();
        network.refunds.add(participantReturn("1", "2025-03-01T12:00:00Z", "2026-03-01T12:00:01Z", "REFUSED"));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void refused_refunds_to_end_customers_and_issued_returns_are_not_buyback_refusals() {
        Facts network = plan(9000);
        network.refunds.add(participantReturn("1", "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "ISSUED"));
        network.refunds.add(new RefundCase("S-2", "R-2", false, Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"), "REFUSED", Instant.parse("2026-03-03T00:00:00Z"), "REQ-2", "ANS-2"));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void both_parts_make_one_finding_with_the_plan_first_in_the_evidence() {
        Facts network = plan(5000);
        network.refunds.add(participantReturn("1", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "REFUSED"));
        network.refunds.add(participantReturn("2", "2026-01-01T00:00:00Z", "2026-02-02T00:00:00Z", "REFUSED"));

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.evidence()).isEqualTo(evidence("PLAN-1", "REQ-1", "ANS-1", "REQ-2", "ANS-2"));
            assertThat(english(finding.reason())).isEqualTo("The plan buys back stock at 50% of cost, below 90%, and 2 participants' "
                    + "returns of stock bought at most 365 days before were refused");
        });
    }
}
