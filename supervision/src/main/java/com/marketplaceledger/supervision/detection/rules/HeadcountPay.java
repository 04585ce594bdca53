package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.MINOR_UNITS;
import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.money;

/**
 * CN-HEADCOUNT-PAY: pay computed from the number of people recruited (拉人头) is forbidden
 * outright, so a single recruitment bonus or share of a joining fee is enough.
 */
final class HeadcountPay implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-HEADCOUNT-PAY",
            "CN",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.HIGH,
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
                Reason.of(DESCRIPTION.reasonCode(), Map.of("commissions", pay.count(), "amount", money(pay.amount()))),
                pay.evidence()));
    }
}
