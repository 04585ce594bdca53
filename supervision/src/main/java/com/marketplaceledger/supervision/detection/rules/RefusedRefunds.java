package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;

/**
 * CN-REFUND: a buyer may return goods within 30 days of the sale. A request inside that window
 * that was refused, or that is still unanswered 30 days on, denies the right. Unanswered requests
 * are timed to the end of the business day judged, so the same day judges alike at any hour.
 */
final class RefusedRefunds implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-REFUND",
            "CN",
            RuleCategory.SAFEGUARD,
            Severity.MEDIUM,
            false,
            1,
            Map.of("windowDays", BigDecimal.valueOf(30),
                    "answerDays", BigDecimal.valueOf(30),
                    "minCases", BigDecimal.ONE));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        Duration window = Duration.ofDays(thresholds.whole("windowDays"));
        Duration answerTime = Duration.ofDays(thresholds.whole("answerDays"));
        long minCases = thresholds.whole("minCases");
        Instant endOfDay = facts.asOf().plusDays(1).atStartOfDay(facts.zone()).toInstant();
        var requests = new Requests();
        facts.refunds().forEach(r -> {
            if (Duration.between(r.soldAt(), r.requestedAt()).compareTo(window) <= 0) {
                requests.inWindow++;
                if ("REFUSED".equals(r.answer())) {
                    requests.refused.add(r);
                } else if (r.answer() == null && Duration.between(r.requestedAt(), endOfDay).compareTo(answerTime) > 0) {
                    requests.unanswered.add(r);
                }
            }
        });
        RefundTally refused = requests.refused;
        RefundTally unanswered = requests.unanswered;
        long cases = refused.count + unanswered.count;
        if (cases < minCases) {
            return List.of();
        }
        var evidence = new Evidence.Gatherer();
        evidence.add(refused.evidence.evidence());
        evidence.add(unanswered.evidence.evidence());
        return List.of(new Finding(null,
                List.of(atLeast("deniedRefunds", cases, "refunds", minCases),
                        context("refusedRefunds", refused.count, "refunds"),
                        context("unansweredRefunds", unanswered.count, "refunds"),
                        context("refundRequestsInWindow", requests.inWindow, "refunds")),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("requests", cases, "windowDays", window.toDays(),
                        "refused", refused.count, "unanswered", unanswered.count, "answerDays", answerTime.toDays())),
                evidence.evidence()));
    }

    /** The requests made within the window, and those of them refused or left unanswered. */
    private static final class Requests {

        private long inWindow;
        private final RefundTally refused = new RefundTally();
        private final RefundTally unanswered = new RefundTally();
    }
}
