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
 * CN-TEAM-PAY: an upline paid on its downline's sales (团队计酬). An administrative matter when the
 * sales are real, hence compliance; the facts already hold only pay to level 2 or deeper, since
 * pay on one's own direct sales is lawful.
 */
final class TeamPay implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-TEAM-PAY",
            RuleCategory.COMPLIANCE,
            Severity.MEDIUM,
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
        NetworkFacts.Tally pay = facts.teamPay();
        if (pay.count() < minPayments) {
            return List.of();
        }
        return List.of(new Finding(null,
                List.of(atLeast("teamPayments", pay.count(), "payments", minPayments),
                        context("teamPayAmount", pay.amount(), MINOR_UNITS)),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("commissions", pay.count(), "amount", money(pay.amount()))),
                pay.evidence()));
    }
}
