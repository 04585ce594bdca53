package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.money;

/**
 * CN-SERIOUS: the 2013 opinion's "serious circumstances" (情节严重) of a pyramid that takes entry
 * fees or pays per head: 120 participants in all, or CNY 2,500,000 collected from participants.
 * Either mark is enough; people count the organiser, as for the prosecution threshold. Gates found
 * from behaviour are entry fees and the upline's pay on them pay per head here too.
 */
final class SeriousCircumstances implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-SERIOUS",
            "CN",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.CRITICAL,
            false,
            2,
            InferredGates.withGateThresholds(Map.of("minPeople", BigDecimal.valueOf(120), "minCollectedCnyFen", BigDecimal.valueOf(250_000_000))));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minPeople = thresholds.whole("minPeople");
        long minCollected = thresholds.whole("minCollectedCnyFen");
        InferredGates gates = InferredGates.of(facts, thresholds);
        long entryPayments = gates.entryPayments();
        long headcountPayments = gates.headcountPayments();
        boolean gated = entryPayments + headcountPayments > 0;
        long collected = facts.collectedFromParticipantsCny();
        if (!gated || facts.people() < minPeople && collected < minCollected) {
            return List.of();
        }
        return List.of(new Finding(null,
                List.of(atLeast("people", facts.people(), "people", minPeople),
                        atLeast("collectedFromParticipants", collected, "CNY", minCollected),
                        context("entryPayments", entryPayments, "payments"),
                        context("headcountPayments", headcountPayments, "payments")),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("people", facts.people(), "collected", money(collected),
                        "seriousPeople", minPeople, "seriousCollected", money(minCollected))),
                facts.enrolments()
                        .and(facts.joiningFees().evidence())
                        .and(facts.gatePurchases().evidence())
                        .and(facts.headcountPay().evidence())
                        .and(gates.evidence())
                        .and(facts.participantPurchases().evidence())));
    }
}
