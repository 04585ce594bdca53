package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;

/**
 * US-KOSCOT: the FTC's test of a pyramid. Participants pay for the right to sell (an entry fee or
 * a starter package) and are rewarded for recruiting rather than for sales to end users.
 */
final class Koscot implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-KOSCOT",
            "US",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.CRITICAL,
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
        long entryPayments = facts.joiningFees().count() + facts.gatePurchases().count();
        long recruitingPay = facts.headcountPay().count();
        if (entryPayments == 0 || recruitingPay < minPayments) {
            return List.of();
        }
        return List.of(new Finding(null,
                List.of(atLeast("headcountPayments", recruitingPay, "payments", minPayments),
                        context("entryPayments", entryPayments, "payments")),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("entryPayments", entryPayments, "rewards", recruitingPay)),
                facts.joiningFees().evidence()
                        .and(facts.gatePurchases().evidence())
                        .and(facts.headcountPay().evidence())));
    }
}
