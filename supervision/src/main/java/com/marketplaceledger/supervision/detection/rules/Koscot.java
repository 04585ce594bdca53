package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;

/**
 * US-KOSCOT: the FTC's test of a pyramid. Participants pay for the right to sell (an entry fee, a
 * starter package, or a listing that is a gate in fact: most recruits buy it on joining) and are
 * rewarded for recruiting rather than for sales to end users (recruiting bonuses, or the upline's
 * commissions on those gate purchases, which BurnLounge held to be rewards for recruiting).
 */
final class Koscot implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-KOSCOT",
            "US",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.CRITICAL,
            false,
            2,
            InferredGates.withGateThresholds(Map.of("minPayments", BigDecimal.ONE)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minPayments = thresholds.whole("minPayments");
        InferredGates gates = InferredGates.of(facts, thresholds);
        long entryPayments = gates.entryPayments();
        long recruitingPay = gates.headcountPayments();
        if (entryPayments == 0 || recruitingPay < minPayments) {
            return List.of();
        }
        var measurements = new ArrayList<>(List.of(atLeast("headcountPayments", recruitingPay, "payments", minPayments),
                context("entryPayments", entryPayments, "payments")));
        var figures = new HashMap<String, Object>(Map.of("entryPayments", entryPayments, "rewards", recruitingPay));
        Reason reason = gates.reason(DESCRIPTION, measurements, figures);
        return List.of(new Finding(null, measurements, reason,
                facts.joiningFees().evidence()
                        .and(facts.gatePurchases().evidence())
                        .and(facts.headcountPay().evidence())
                        .and(gates.evidence())));
    }
}
