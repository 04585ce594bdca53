package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Month;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.MINOR_UNITS;
import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.money;
import static com.marketplaceledger.supervision.detection.rules.Measurements.percent;
import static com.marketplaceledger.supervision.detection.rules.Measurements.share;
import static com.marketplaceledger.supervision.detection.rules.Measurements.shareCompared;

/**
 * US-RETAIL-SHARE: in each pay period more than half of the revenue must come from people outside
 * the network. Months with too little revenue are not judged, since a handful of sales says
 * nothing about where a business's money comes from.
 */
final class RetailShare implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-RETAIL-SHARE",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.HIGH,
            true,
            1,
            Map.of("minRevenue", BigDecimal.valueOf(100_000), "maxRetailShareBasisPoints", BigDecimal.valueOf(5000)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minRevenue = thresholds.whole("minRevenue");
        long maxRetailShare = thresholds.whole("maxRetailShareBasisPoints");
        return facts.months().stream()
                .filter(m -> m.revenue() >= minRevenue && m.retail().amount() * 10_000 <= maxRetailShare * m.revenue())
                .sorted(Comparator.comparing(Month::month))
                .map(m -> finding(m, minRevenue, maxRetailShare))
                .toList();
    }

    private static Finding finding(Month month, long minRevenue, long maxRetailShare) {
        BigDecimal retailShare = share(month.retail().amount(), month.revenue());
        return new Finding(month.month().toString(),
                List.of(shareCompared("retailShare", retailShare, "<=", maxRetailShare),
                        atLeast("revenue", month.revenue(), MINOR_UNITS, minRevenue),
                        context("retail", month.retail().amount(), MINOR_UNITS),
                        context("participantPurchases", month.participantPurchases().amount(), MINOR_UNITS),
                        context("joiningFees", month.joiningFees().amount(), MINOR_UNITS)),
                // the participants' share is the rest, so that the two shares read add up to 100%
                Reason.of(DESCRIPTION.reasonCode(), Map.of("month", month.month(),
                        "participantShare", percent(BigDecimal.ONE.subtract(retailShare)), "revenue", money(month.revenue()),
                        "purchases", money(month.participantPurchases().amount()),
                        "joiningFees", money(month.joiningFees().amount()), "retailShare", percent(retailShare))),
                month.participantPurchases().evidence().and(month.joiningFees().evidence()));
    }
}
