package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.count;

/**
 * US-KOSCOT: the FTC's test of a pyramid. Participants pay for the right to sell (an entry fee or
 * a starter package) and are rewarded for recruiting rather than for sales to end users.
 */
final class Koscot implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-KOSCOT",
            "US",
            "Paying to join, rewarded for recruiting",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.CRITICAL,
            "Koscot Interplanetary (FTC 1975); Webster v. Omnitrition (9th Cir. 1996); FTC v. BurnLounge (9th Cir. 2014)",
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
                "Participants made %s for the right to join and sell, and the network paid %s for recruiting them rather than for sales to end users"
                        .formatted(count(entryPayments, "entry payment"), count(recruitingPay, "reward")),
                facts.joiningFees().evidence()
                        .and(facts.gatePurchases().evidence())
                        .and(facts.headcountPay().evidence())));
    }
}
