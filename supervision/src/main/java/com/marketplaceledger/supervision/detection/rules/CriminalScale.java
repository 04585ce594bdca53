package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;

/**
 * CN-CRIMINAL-SCALE: an organisation of at least 30 people in at least 3 levels that charges
 * entry fees or pays per head is what prosecutors charge its organisers for. People and levels
 * count the organiser and its own level (the 2013 opinion's "以上" includes the number itself).
 * Gates found from behaviour are entry fees and the upline's pay on them pay per head here too.
 */
final class CriminalScale implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-CRIMINAL-SCALE",
            "CN",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.CRITICAL,
            false,
            2,
            InferredGates.withGateThresholds(Map.of("minPeople", BigDecimal.valueOf(30), "minLevels", BigDecimal.valueOf(3))));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minPeople = thresholds.whole("minPeople");
        long minLevels = thresholds.whole("minLevels");
        InferredGates gates = InferredGates.of(facts, thresholds);
        long entryPayments = gates.entryPayments();
        long headcountPayments = gates.headcountPayments();
        if (entryPayments + headcountPayments == 0 || facts.people() < minPeople || facts.levels() < minLevels) {
            return List.of();
        }
        return List.of(new Finding(null,
                List.of(atLeast("people", facts.people(), "people", minPeople),
                        atLeast("levels", facts.levels(), "levels", minLevels),
                        context("entryPayments", entryPayments, "payments"),
                        context("headcountPayments", headcountPayments, "payments")),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("people", facts.people(), "levels", facts.levels())),
                facts.enrolments()
                        .and(facts.joiningFees().evidence())
                        .and(facts.gatePurchases().evidence())
                        .and(facts.headcountPay().evidence())
                        .and(gates.evidence())));
    }
}
