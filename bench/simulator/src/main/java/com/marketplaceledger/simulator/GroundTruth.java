package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a generated marketplace really is, and so what a detection engine should say about it.
 * Counting follows the 2013 opinion: the merchant is the organiser, so people = participants + 1
 * and levels = the deepest distributor's level + 1 (a network of roots alone has 2 levels).
 *
 * @param pyramid              whether the marketplace is a pyramid scheme
 * @param expectedRules        rule ids that must fire
 * @param toleratedRules       rule ids that may fire too; any other firing is a false alarm
 * @param participants         distributors enrolled
 * @param levels               levels counted with the merchant
 * @param joiningFees          joining fees the participants paid
 * @param participantPurchases what the participants paid for everything they bought
 * @param gate                 a joining fee was paid, or a participant bought a starter package,
 *                             membership, franchise or branch stake, or a listing was a gate by
 *                             behaviour (most recruits bought it within days of joining, paying their
 *                             upline: see {@code Market.GATE_WINDOW})
 * @param headcountPay         a referral bonus or a share of a joining fee was paid, or an upline was
 *                             paid on a gate found from behaviour (pay per head in disguise)
 * @param commands             merchant commands generated after the registration
 */
public record GroundTruth(
        MerchantId merchantId,
        ScenarioKind kind,
        long seed,
        int size,
        int months,
        boolean pyramid,
        SortedSet<String> expectedRules,
        SortedSet<String> toleratedRules,
        int participants,
        int levels,
        Money joiningFees,
        Money participantPurchases,
        boolean gate,
        boolean headcountPay,
        long commands) {

    /** 2013 opinion: organisations of at least 30 people over at least 3 levels are prosecuted. */
    static final int CRIMINAL_PEOPLE = 30;
    static final int CRIMINAL_LEVELS = 3;
    /** 2013 opinion, "serious circumstances": 120 people, or CNY 2,500,000 (in fen) collected. */
    static final int SERIOUS_PEOPLE = 120;
    static final long SERIOUS_COLLECTED = 250_000_000L;

    public GroundTruth {
        expectedRules = Collections.unmodifiableSortedSet(new TreeSet<>(expectedRules));
        toleratedRules = Collections.unmodifiableSortedSet(new TreeSet<>(toleratedRules));
    }

    /**
     * The truth about a generated scenario: its kind's rules plus, in China, the scale rules its
     * counts reach. A rule the kind only tolerates is never required: a kind whose members' first
     * purchases may happen to look like a gate tolerates the gate rules and the scale rules they
     * bring.
     */
    static GroundTruth of(Scenario scenario, int participants, int deepestLevel, Money joiningFees,
                          Money participantPurchases, boolean gate, boolean headcountPay, long commands) {
        ScenarioKind kind = scenario.kind();
        Set<Rule> expected = EnumSet.noneOf(Rule.class);
        expected.addAll(kind.expected());
        int people = participants + 1;
        int levels = deepestLevel + 1;
        boolean feeOrHeadcount = gate || headcountPay;
        boolean china = Rule.CN_CRIMINAL_SCALE.jurisdiction().equals(kind.jurisdiction());
        if (china && feeOrHeadcount && people >= CRIMINAL_PEOPLE && levels >= CRIMINAL_LEVELS) {
            expected.add(Rule.CN_CRIMINAL_SCALE);
        }
        long collected = joiningFees.minorUnits() + participantPurchases.minorUnits();
        if (china && feeOrHeadcount && (people >= SERIOUS_PEOPLE || collected >= SERIOUS_COLLECTED)) {
            expected.add(Rule.CN_SERIOUS);
        }
        expected.removeAll(kind.tolerated());
        return new GroundTruth(scenario.merchantId(), kind, scenario.seed(), scenario.size(), scenario.months(),
                kind.pyramid(), ids(expected), ids(kind.tolerated()), participants, levels, joiningFees,
                participantPurchases, gate, headcountPay, commands);
    }

    /** People counted with the merchant, the organiser. */
    public int people() {
        return participants + 1;
    }

    /** Joining fees plus every participant purchase: the money CN-SERIOUS counts. */
    public Money collectedFromParticipants() {
        return joiningFees.plus(participantPurchases);
    }

    /** Expected rules that did not fire. */
    public SortedSet<String> missing(Collection<String> fired) {
        var missing = new TreeSet<>(expectedRules);
        missing.removeAll(fired);
        return missing;
    }

    /** Fired rules that are neither expected nor tolerated: false alarms. */
    public SortedSet<String> unexpected(Collection<String> fired) {
        var unexpected = new TreeSet<>(fired);
        unexpected.removeAll(expectedRules);
        unexpected.removeAll(toleratedRules);
        return unexpected;
    }

    /** Whether a set of fired rules is exactly right: every expected rule, nothing but the tolerated besides. */
    public boolean matches(Collection<String> fired) {
        return missing(fired).isEmpty() && unexpected(fired).isEmpty();
    }

    private static SortedSet<String> ids(Set<Rule> rules) {
        return rules.stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    }
}
