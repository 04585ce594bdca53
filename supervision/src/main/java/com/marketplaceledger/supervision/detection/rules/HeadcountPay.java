package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.MINOR_UNITS;
import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.count;
import static com.marketplaceledger.supervision.detection.rules.Measurements.money;

/**
 * CN-HEADCOUNT-PAY: pay computed from the number of people recruited (拉人头) is forbidden
 * outright, so a single recruitment bonus or share of a joining fee is enough.
 */
final class HeadcountPay implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-HEADCOUNT-PAY",
            "CN",
            "Pay per recruit",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.HIGH,
            "禁止传销条例 (Regulations on Prohibition of Pyramid Selling) Art. 7(1)",
            false,
            1,
            Map.of("minPayments", BigDecimal.ONE));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minPayments = thresholds.whole("minPayments");
        NetworkFacts.Tally pay = facts.headcountPay();
        if (pay.count() < minPayments) {
            return List.of();
        }
        return List.of(new Finding(null,
                List.of(atLeast("headcountPayments", pay.count(), "payments", minPayments),
                        context("headcountPayAmount", pay.amount(), MINOR_UNITS)),
                "The network paid %s totalling %s for recruiting people (recruitment bonuses or shares of joining fees)"
                        .formatted(count(pay.count(), "commission"), money(pay.amount())),
                pay.evidence()));
    }
}
