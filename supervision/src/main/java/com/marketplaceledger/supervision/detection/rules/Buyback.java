package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
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
            "US",
            RuleCategory.SAFEGUARD,
            Severity.MEDIUM,
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
        var figures = new TreeMap<String, Object>();
        var evidence = new Evidence.Gatherer();
        if (planBelow) {
            figures.put("planRate", percent(fraction(buyback)));
            figures.put("minRate", percent(fraction(minBuyback)));
            evidence.add(facts.planEventId());
        }
        if (refused.count > 0) {
            figures.put("refused", refused.count);
            figures.put("lookbackDays", lookback.toDays());
            evidence.add(refused.evidence.evidence());
        }
        String code = DESCRIPTION.reasonCode(!planBelow ? "refused" : refused.count == 0 ? "plan" : "both");
        return List.of(new Finding(null, measurements, Reason.of(code, figures), evidence.evidence()));
    }
}
