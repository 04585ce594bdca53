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
 * CN-ENTRY-FEE: joining, or the right to recruit, is bought (收取入门费), either as a fee or as
 * goods that are a disguised fee (starter packages, memberships, branch stakes), whether declared
 * so or a gate in fact: a listing most recruits buy on joining, paying their upline. The plans
 * that demand it come first in the evidence, since they show the payments were a condition.
 */
final class EntryFee implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-ENTRY-FEE",
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
        NetworkFacts.Tally fees = facts.joiningFees();
        NetworkFacts.Tally purchases = facts.gatePurchases();
        InferredGates gates = InferredGates.of(facts, thresholds);
        NetworkFacts.Tally inferred = gates.purchases();
        long payments = gates.entryPayments();
        if (payments < minPayments) {
            return List.of();
        }
        long amount = fees.amount() + purchases.amount() + inferred.amount();
        var measurements = new ArrayList<>(List.of(atLeast("entryPayments", payments, "payments", minPayments),
                context("joiningFees", fees.count(), "payments"),
                context("gatePurchases", purchases.count(), "payments"),
                context("entryAmount", amount, MINOR_UNITS),
                context("gatePlans", facts.gatePlans().total(), "plans")));
        var figures = new HashMap<String, Object>(Map.of("amount", money(amount), "payments", payments,
                "joiningFees", fees.count(), "purchases", purchases.count()));
        Reason reason = gates.reason(DESCRIPTION, measurements, figures);
        return List.of(new Finding(null, measurements, reason,
                facts.gatePlans().and(fees.evidence()).and(purchases.evidence()).and(gates.evidence())));
    }
}
