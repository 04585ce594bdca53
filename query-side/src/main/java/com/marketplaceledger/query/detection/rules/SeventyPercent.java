package com.marketplaceledger.query.detection.rules;

import com.marketplaceledger.query.detection.rules.NetworkFacts.Reorder;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.query.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.query.detection.rules.Measurements.context;
import static com.marketplaceledger.query.detection.rules.Measurements.fraction;
import static com.marketplaceledger.query.detection.rules.Measurements.percent;
import static com.marketplaceledger.query.detection.rules.Measurements.share;
import static com.marketplaceledger.query.detection.rules.Measurements.shareCompared;

/**
 * US-70-PERCENT: bonuses may be paid on a new purchase only once 70% of what was bought before
 * has been sold. The ledger sees sales, not consumption, so units consumed count as unsold. A few
 * stray reorders are noise; a pattern needs a count and a share of the commissioned reorders.
 */
final class SeventyPercent implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-70-PERCENT",
            "Bonuses paid on reorders before 70% of earlier stock was sold",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.HIGH,
            "In re Amway Corp., 93 F.T.C. 618 (1979): the 70% rule among Amway's safeguards",
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
        List<Reorder> commissioned = facts.reorders().stream().filter(Reorder::commissioned).toList();
        List<Reorder> offending = commissioned.stream()
                .filter(r -> r.unitsSoldBefore() * 10_000 < minSoldThrough * r.unitsBoughtBefore())
                .toList();
        if (offending.size() < minReorders || offending.size() * 10_000L < minShare * commissioned.size()) {
            return List.of();
        }
        BigDecimal lowestSoldThrough = offending.stream()
                .map(r -> share(r.unitsSoldBefore(), r.unitsBoughtBefore(), "<"))
                .min(BigDecimal::compareTo)
                .orElseThrow();
        return List.of(new Finding(null,
                List.of(atLeast("offendingReorders", offending.size(), "reorders", minReorders),
                        shareCompared("offendingShare", share(offending.size(), commissioned.size()), ">=", minShare),
                        context("commissionedReorders", commissioned.size(), "reorders"),
                        shareCompared("lowestSoldThrough", lowestSoldThrough, "<", minSoldThrough)),
                "%d of %d reorders that paid bonuses (%s) were made before the buyer had sold %s of the units bought earlier"
                        .formatted(offending.size(), commissioned.size(), percent(share(offending.size(), commissioned.size())),
                                percent(fraction(minSoldThrough))),
                Evidences.of(offending.stream().map(Reorder::eventId).toList())));
    }
}
