package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.MINOR_UNITS;
import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.fraction;
import static com.marketplaceledger.supervision.detection.rules.Measurements.money;
import static com.marketplaceledger.supervision.detection.rules.Measurements.percent;
import static com.marketplaceledger.supervision.detection.rules.Measurements.share;
import static com.marketplaceledger.supervision.detection.rules.Measurements.shareCompared;

/**
 * US-COMPANY-RETAIL: company-wide, sales to end customers must make 80% of product revenue. The
 * order also counts participants' allowed personal consumption, which the ledger cannot tell
 * from stock loading, so every participant purchase counts against the share. The 80% figure
 * is unconfirmed, hence only a threshold.
 */
final class CompanyRetail implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-COMPANY-RETAIL",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.MEDIUM,
            false,
            1,
            Map.of("minRevenue", BigDecimal.valueOf(100_000), "minRetailShareBasisPoints", BigDecimal.valueOf(8000)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minRevenue = thresholds.whole("minRevenue");
        long minRetailShare = thresholds.whole("minRetailShareBasisPoints");
        long retail = facts.productRetail().amount();
        long internal = facts.productInternal().amount();
        long revenue = retail + internal;
        if (revenue < minRevenue || retail * 10_000 >= minRetailShare * revenue) {
            return List.of();
        }
        BigDecimal retailShare = share(retail, revenue, "<");
        return List.of(new Finding(null,
                List.of(shareCompared("retailShareOfProductRevenue", retailShare, "<", minRetailShare),
                        atLeast("productRevenue", revenue, MINOR_UNITS, minRevenue),
                        context("productRetail", retail, MINOR_UNITS),
                        context("productInternal", internal, MINOR_UNITS)),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("retailShare", percent(retailShare), "retail", money(retail),
                        "revenue", money(revenue), "required", percent(fraction(minRetailShare)), "internal", money(internal))),
                facts.productInternal().evidence()));
    }
}
