package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.RefundCase;
import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

/** Judged as of 2026-03-31, whose end is 2026-04-01T00:00Z. */
class RefusedRefundsTest {

    private final RefusedRefunds rule = new RefusedRefunds();

    private static RefundCase refund(String id, String soldAt, String requestedAt, String answer) {
        return new RefundCase("S-" + id, "R-" + id, false, Instant.parse(soldAt), Instant.parse(requestedAt), answer,
                answer == null ? null : Instant.parse(requestedAt).plusSeconds(3600),
                "REQ-" + id, answer == null ? null : "ANS-" + id);
    }

    private static Facts with(RefundCase... refunds) {
        Facts network = network();
        network.refunds.addAll(List.of(refunds));
        return network;
    }

    @Test
    void a_refusal_of_a_request_made_exactly_30_days_after_the_sale_fires() {
        Facts network = with(refund("1", "2026-01-01T10:00:00Z", "2026-01-31T10:00:00Z", "REFUSED"));

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).containsExactly(
                    new Measurement("deniedRefunds", BigDecimal.ONE, "refunds", ">=", BigDecimal.ONE),
                    new Measurement("refusedRefunds", BigDecimal.ONE, "refunds", null, null),
                    new Measurement("unansweredRefunds", BigDecimal.ZERO, "refunds", null, null),
                    new Measurement("refundRequestsInWindow", BigDecimal.ONE, "refunds", null, null));
            assertThat(finding.evidence()).isEqualTo(evidence("REQ-1", "ANS-1"));
            assertThat(english(finding.reason())).isEqualTo(
                    "Refunds were denied for 1 request made within 30 days of the sale: 1 refused and 0 left unanswered for more than 30 days");
        });
    }

    @Test
    void a_refusal_of_a_request_made_a_second_after_the_window_does_not_fire() {
        Facts network = with(refund("1", "2026-01-01T10:00:00Z", "2026-01-31T10:00:01Z", "REFUSED"));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void an_issued_refund_does_not_fire() {
        Facts network = with(refund("1", "2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z", "ISSUED"));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void a_request_unanswered_for_more_than_30_days_by_the_end_of_the_day_judged_fires_with_its_request_only() {
        Facts network = with(refund("1", "2026-02-20T00:00:00Z", "2026-03-01T23:59:59Z", null));

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(Facts.measurement(finding, "unansweredRefunds").value()).isEqualTo(BigDecimal.ONE);
            assertThat(finding.evidence()).isEqualTo(evidence("REQ-1"));
        });
    }

    @Test
    void a_request_unanswered_for_exactly_30_days_at_the_end_of_the_day_judged_does_not_fire() {
        Facts network = with(refund("1", "2026-02-20T00:00:00Z", "2026-03-02T00:00:00Z", null));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void refused_and_unanswered_requests_count_together() {
        Facts network = with(
                refund("1", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "REFUSED"),
                refund("2", "2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z", null),
                refund("3", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z", "ISSUED"));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(Facts.measurement(finding, "deniedRefunds").value()).isEqualTo(BigDecimal.valueOf(2));
        assertThat(finding.evidence()).isEqualTo(evidence("REQ-1", "ANS-1", "REQ-2"));
        assertThat(english(finding.reason())).isEqualTo(
                "Refunds were denied for 2 requests made within 30 days of the sale: 1 refused and 1 left unanswered for more than 30 days");
    }
}
