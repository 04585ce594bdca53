package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.count;
import static com.marketplaceledger.supervision.detection.rules.Measurements.fraction;
import static com.marketplaceledger.supervision.detection.rules.Measurements.percent;
import static com.marketplaceledger.supervision.detection.rules.Measurements.shareCompared;

/**
 * US-BUYBACK: a participant who leaves may return stock bought in the last 12 months for at least
 * 90% of its cost. Broken by a plan that promises less, or in practice by refusing a participant's
 * return of such stock; the ledger does not record leaving, so every participant's refused return
 * counts. Either part fires the one finding, which shows both.
 */
final class Buyback implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-BUYBACK",
            "No buyback of stock at 90% of cost",
            RuleCategory.SAFEGUARD,
            Severity.MEDIUM,
            "Direct Selling Association Code of Ethics: inventory repurchase",
            false,
            1,
            Map.of("minBuybackBasisPoints", BigDecimal.valueOf(9000), "lookbackDays", BigDecimal.valueOf(365)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minBuyback = thresholds.whole("minBuybackBasisPoints");
        Duration lookback = Duration.ofDays(thresholds.whole("lookbackDays"));
        Integer buyback = facts.buybackBasisPoints();
        boolean planBelow = buyback != null && buyback < minBuyback;
        var refused = new RefundTally();
        facts.refunds().forEach(r -> {
            if (r.participantBuyer() && "REFUSED".equals(r.answer())
                    && Duration.between(r.soldAt(), r.requestedAt()).compareTo(lookback) <= 0) {
                refused.add(r);
            }
        });
        if (!planBelow && refused.count == 0) {
            return List.of();
        }
        List<Measurement> measurements = new ArrayList<>();
        if (buyback != null) {
            measurements.add(shareCompared("planBuybackRate", fraction(buyback), "<", minBuyback));
        }
        measurements.add(context("refusedReturns", refused.count, "refunds"));
        List<String> parts = new ArrayList<>();
        var evidence = new Evidence.Gatherer();
        if (planBelow) {
            parts.add("The plan buys back stock at %s of cost, below %s".formatted(percent(fraction(buyback)),
                    percent(fraction(minBuyback))));
            evidence.add(facts.planEventId());
        }
        if (refused.count > 0) {
            parts.add("%s of stock bought at most %d days before %s refused".formatted(
                    count(refused.count, "participant's return", "participants' returns"), lookback.toDays(),
                    refused.count == 1 ? "was" : "were"));
            evidence.add(refused.evidence.evidence());
        }
        return List.of(new Finding(null, measurements, String.join(", and ", parts), evidence.evidence()));
    }
}
