package com.marketplaceledger.supervision.detection.rules;

import java.util.List;

/**
 * One rule of the catalogue (docs/detection.md): a pure function from a network's facts and the
 * thresholds of one rule version to what it finds. Rules read nothing themselves, so a rule
 * judged live, as of a past date, in a backtest or in shadow mode judges the same facts alike.
 */
public interface DetectionRule {

    RuleDescription description();

    /** The findings, at most one per period (one in all for a rule that is not periodic). */
    List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds);
}
