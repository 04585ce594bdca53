package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Reorder;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.fraction;
import static com.marketplaceledger.supervision.detection.rules.Measurements.percent;
import static com.marketplaceledger.supervision.detection.rules.Measurements.share;
import static com.marketplaceledger.supervision.detection.rules.Measurements.shareCompared;

/**
 * US-70-PERCENT: bonuses may be paid on a new purchase only once 70% of what was bought before
 * has been sold. The ledger sees sales, not consumption, so units consumed count as unsold. A few
 * stray reorders are noise; a pattern needs a count and a share of the commissioned reorders.
 */
final class SeventyPercent implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-70-PERCENT",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.HIGH,
            false,
            1,
            Map.of("minSoldThroughBasisPoints", BigDecimal.valueOf(7000),
                    "minReorders", BigDecimal.valueOf(3),
                    "minShareBasisPoints", BigDecimal.valueOf(2500)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minSoldThrough = thresholds.whole("minSoldThroughBasisPoints");
        long minReorders = thresholds.whole("minReorders");
        long minShare = thresholds.whole("minShareBasisPoints");
        var reorders = new Reorders();
        facts.reorders().forEach(r -> reorders.add(r, minSoldThrough));
        long offending = reorders.offending;
        long commissioned = reorders.commissioned;
        if (offending < minReorders || offending * 10_000 < minShare * commissioned) {
            return List.of();
        }
        return List.of(new Finding(null,
                List.of(atLeast("offendingReorders", offending, "reorders", minReorders),
                        shareCompared("offendingShare", share(offending, commissioned), ">=", minShare),
                        context("commissionedReorders", commissioned, "reorders"),
                        shareCompared("lowestSoldThrough", reorders.lowestSoldThrough, "<", minSoldThrough)),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("offending", offending, "commissioned", commissioned,
                        "share", percent(share(offending, commissioned)), "soldThrough", percent(fraction(minSoldThrough)))),
                reorders.evidence.evidence()));
    }

    /** The reorders that paid bonuses, and those of them made before enough was sold. */
    private static final class Reorders {

        private long commissioned;
        private long offending;
        private BigDecimal lowestSoldThrough;
        private final Evidence.Gatherer evidence = new Evidence.Gatherer();

        void add(Reorder reorder, long minSoldThrough) {
            if (!reorder.commissioned()) {
                return;
            }
            commissioned++;
            if (reorder.unitsSoldBefore() * 10_000 < minSoldThrough * reorder.unitsBoughtBefore()) {
                offending++;
                BigDecimal soldThrough = share(reorder.unitsSoldBefore(), reorder.unitsBoughtBefore(), "<");
                if (lowestSoldThrough == null || soldThrough.compareTo(lowestSoldThrough) < 0) {
                    lowestSoldThrough = soldThrough;
                }
                evidence.add(reorder.eventId());
            }
        }
    }
}
