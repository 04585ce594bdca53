package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Penalty;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.compared;

/**
 * CN-REPEAT: an organiser penalised within the last year who recruits again is prosecuted at a
 * lower mark: 15 people in 3 levels, 60 people being serious. People are those who joined after
 * the penalty; levels are the network's, counted as for the prosecution threshold.
 */
final class RepeatOffender implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-REPEAT",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.CRITICAL,
            false,
            1,
            Map.of("lookbackDays", BigDecimal.valueOf(365),
                    "minPeople", BigDecimal.valueOf(15),
                    "minLevels", BigDecimal.valueOf(3),
                    "seriousPeople", BigDecimal.valueOf(60)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long lookbackDays = thresholds.whole("lookbackDays");
        long minPeople = thresholds.whole("minPeople");
        long minLevels = thresholds.whole("minLevels");
        long seriousPeople = thresholds.whole("seriousPeople");
        Penalty penalty = facts.penalty();
        if (penalty == null) {
            return List.of();
        }
        long daysSince = ChronoUnit.DAYS.between(penalty.penalisedOn(), facts.asOf());
        if (daysSince < 0 || daysSince > lookbackDays || penalty.peopleSince() < minPeople || facts.levels() < minLevels) {
            return List.of();
        }
        boolean serious = penalty.peopleSince() >= seriousPeople;
        return List.of(new Finding(null,
                List.of(compared("daysSincePenalty", daysSince, "days", "<=", lookbackDays),
                        atLeast("peopleSincePenalty", penalty.peopleSince(), "people", minPeople),
                        atLeast("levels", facts.levels(), "levels", minLevels),
                        // not a condition of firing: shows whether the case is serious
                        atLeast("peopleSincePenaltyForSerious", penalty.peopleSince(), "people", seriousPeople)),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("penalisedOn", penalty.penalisedOn(), "daysSince", daysSince,
                        "peopleSince", penalty.peopleSince(), "levels", facts.levels(), "serious", serious,
                        "seriousPeople", seriousPeople)),
                new Evidence(List.of(penalty.caseEventId()), 1).and(penalty.enrolmentsSince())));
    }
}
