package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether a network is suspected of being a pyramid, from the rules that fired on it. The
 * structural forms (a fee or purchase to join, pay per head, team pay on participants' own
 * purchases) and the scale and retail rules that presuppose them are pyramid indicators: any one
 * decides it. Failed safeguards (refunds refused, no buyback, bonuses without retail customers)
 * aggravate a pyramid but alone do not make one; compliance findings are administrative matters
 * that lawful plans run into too.
 *
 * @param suspected   whether a pyramid indicator fired
 * @param decisive    the pyramid indicators that fired, in the order the findings came
 * @param aggravating the failed safeguards, in the same order; they aggravate only a suspected pyramid
 * @param compliance  the compliance findings, in the same order
 * @param code        the sentence of the message bundles explaining the verdict in one sentence
 * @param arguments   the figures that sentence names: rule ids joined by ", ", counts as digits
 */
public record PyramidVerdict(boolean suspected, List<String> decisive, List<String> aggravating, List<String> compliance,
                             String code, Map<String, String> arguments) {

    /** A rule that fired on the network. */
    public record Judged(String ruleId, RuleCategory category) {
    }

    static final String SUSPECTED = "verdict.suspected";
    static final String SAFEGUARDS_ONLY = "verdict.safeguards-only";
    static final String COMPLIANCE_ONLY = "verdict.compliance-only";
    static final String CLEAR = "verdict.clear";
    /** Every code a verdict can give; the bundles hold a sentence in each language for each. */
    static final Set<String> CODES = Set.of(SUSPECTED, SAFEGUARDS_ONLY, COMPLIANCE_ONLY, CLEAR);

    public PyramidVerdict {
        decisive = List.copyOf(decisive);
        aggravating = List.copyOf(aggravating);
        compliance = List.copyOf(compliance);
        arguments = Map.copyOf(arguments);
    }

    /** The verdict on these findings; a rule that fired in several months is named once. */
    public static PyramidVerdict of(Collection<Judged> findings) {
        List<String> decisive = ids(findings, RuleCategory.PYRAMID_INDICATOR);
        List<String> aggravating = ids(findings, RuleCategory.SAFEGUARD);
        List<String> compliance = ids(findings, RuleCategory.COMPLIANCE);
        var arguments = new TreeMap<String, String>();
        String code;
        if (!decisive.isEmpty()) {
            code = SUSPECTED;
            arguments.put("decisive", String.join(", ", decisive));
            arguments.put("aggravating", String.join(", ", aggravating));
            arguments.put("aggravatingCount", String.valueOf(aggravating.size()));
        } else if (!aggravating.isEmpty()) {
            code = SAFEGUARDS_ONLY;
            arguments.put("aggravating", String.join(", ", aggravating));
            arguments.put("compliance", String.join(", ", compliance));
            arguments.put("complianceCount", String.valueOf(compliance.size()));
        } else if (!compliance.isEmpty()) {
            code = COMPLIANCE_ONLY;
            arguments.put("compliance", String.join(", ", compliance));
        } else {
            code = CLEAR;
        }
        return new PyramidVerdict(!decisive.isEmpty(), decisive, aggravating, compliance, code, arguments);
    }

    private static List<String> ids(Collection<Judged> findings, RuleCategory category) {
        var ids = new LinkedHashSet<String>();
        findings.stream().filter(f -> f.category() == category).forEach(f -> ids.add(f.ruleId()));
        return List.copyOf(ids);
    }
}
