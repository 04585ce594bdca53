package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.MINOR_UNITS;
import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.money;

/**
 * CN-HEADCOUNT-PAY: pay computed from the number of people recruited (拉人头) is forbidden
 * outright, so a single recruitment bonus or share of a joining fee is enough. The upline's
 * commissions on recruits' purchases of a gate found from behaviour count too: a recruit buys the
 * gate once, on joining, so pay on it is pay per head whatever it is called.
 */
final class HeadcountPay implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-HEADCOUNT-PAY",
            "CN",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.HIGH,
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
        NetworkFacts.Tally declared = facts.headcountPay();
        InferredGates gates = InferredGates.of(facts, thresholds);
        NetworkFacts.Tally onGates = gates.commissions();
        long payments = gates.headcountPayments();
        if (payments < minPayments) {
            return List.of();
        }
        long amount = declared.amount() + onGates.amount();
        var measurements = new ArrayList<>(List.of(atLeast("headcountPayments", payments, "payments", minPayments),
                context("headcountPayAmount", amount, MINOR_UNITS)));
        var figures = new HashMap<String, Object>(Map.of("commissions", payments, "amount", money(amount)));
        if (gates.any()) {
            measurements.add(context("inferredGatePayments", onGates.count(), "payments"));
            figures.put("declared", declared.count());
            figures.put("gateCommissions", onGates.count());
        }
        Reason reason = gates.reason(DESCRIPTION, measurements, figures);
        // the gates' commissions, not their purchases: the purchases prove CN-ENTRY-FEE
        return List.of(new Finding(null, measurements, reason, declared.evidence().and(onGates.evidence())));
    }
}
