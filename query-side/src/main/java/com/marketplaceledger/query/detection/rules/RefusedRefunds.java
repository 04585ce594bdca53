package com.marketplaceledger.query.detection.rules;

import com.marketplaceledger.query.detection.rules.NetworkFacts.RefundCase;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.marketplaceledger.query.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.query.detection.rules.Measurements.context;
import static com.marketplaceledger.query.detection.rules.Measurements.count;

/**
 * CN-REFUND: a buyer may return goods within 30 days of the sale. A request inside that window
 * that was refused, or that is still unanswered 30 days on, denies the right. Unanswered requests
 * are timed to the end of the business day judged, so the same day judges alike at any hour.
 */
final class RefusedRefunds implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-REFUND",
            "Refunds refused or left unanswered inside the return window",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.MEDIUM,
            "直销管理条例 (Regulations on Direct Selling Administration) Art. 17",
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
        Instant endOfDay = facts.asOf().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<RefundCase> inWindow = facts.refunds().stream()
                .filter(r -> Duration.between(r.soldAt(), r.requestedAt()).compareTo(window) <= 0)
                .toList();
        List<RefundCase> refused = inWindow.stream().filter(r -> "REFUSED".equals(r.answer())).toList();
        List<RefundCase> unanswered = inWindow.stream()
                .filter(r -> r.answer() == null && Duration.between(r.requestedAt(), endOfDay).compareTo(answerTime) > 0)
                .toList();
        long cases = refused.size() + unanswered.size();
        if (cases < minCases) {
            return List.of();
        }
        return List.of(new Finding(null,
                List.of(atLeast("deniedRefunds", cases, "refunds", minCases),
                        context("refusedRefunds", refused.size(), "refunds"),
                        context("unansweredRefunds", unanswered.size(), "refunds"),
                        context("refundRequestsInWindow", inWindow.size(), "refunds")),
                "Refunds were denied for %s made within %d days of the sale: %d refused and %d left unanswered for more than %d days"
                        .formatted(count(cases, "request"), window.toDays(), refused.size(),
                                unanswered.size(), answerTime.toDays()),
                Evidences.of(Stream.concat(refused.stream(), unanswered.stream())
                        .flatMap(r -> Stream.of(r.requestEventId(), r.answerEventId()))
                        .toList())));
    }
}
