package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.marketplaceledger.supervision.detection.rules.Measurements.MINOR_UNITS;
import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.percent;
import static com.marketplaceledger.supervision.detection.rules.Measurements.shareCompared;

/**
 * The listings a rule takes for gates found from behaviour, by its thresholds: taken up on joining,
 * paying the upline, by most recruits of a network large enough for that to be a pattern.
 */
final class InferredGates {

    /**
     * "Most recruits" (6000 = 60 %): an ordinary product is spread over a catalogue and bought again
     * over months; a price of entry is paid by nearly everyone who joins, in the first days.
     */
    static final String MIN_SHARE = "minGateShareBasisPoints";
    /** Below 10 recruits a handful of friends buying the same thing on joining is no pattern. */
    static final String MIN_RECRUITS = "minGateRecruits";
    /** The variant of a rule's reason that names gates in fact: {@code rule.<id>.reason.inferredGate}. */
    static final String REASON = "inferredGate";
    static final BigDecimal DEFAULT_MIN_SHARE = BigDecimal.valueOf(6000);
    static final BigDecimal DEFAULT_MIN_RECRUITS = BigDecimal.TEN;

    private final NetworkFacts facts;
    private final List<InferredGate> gates;
    private final long minShare;
    private final long minRecruits;

    private InferredGates(NetworkFacts facts, List<InferredGate> gates, long minShare, long minRecruits) {
        this.facts = facts;
        this.gates = gates;
        this.minShare = minShare;
        this.minRecruits = minRecruits;
    }

    /** A rule's own thresholds with the two that say when a listing is a gate in fact. */
    static Map<String, BigDecimal> withGateThresholds(Map<String, BigDecimal> own) {
        var all = new TreeMap<>(own);
        all.put(MIN_SHARE, DEFAULT_MIN_SHARE);
        all.put(MIN_RECRUITS, DEFAULT_MIN_RECRUITS);
        return all;
    }

    static InferredGates of(NetworkFacts facts, Thresholds thresholds) {
        long minShare = thresholds.whole(MIN_SHARE);
        long minRecruits = thresholds.whole(MIN_RECRUITS);
        BigDecimal least = Measurements.fraction(minShare);
        return new InferredGates(facts, facts.inferredGates().stream()
                .filter(gate -> gate.recruits() >= minRecruits && gate.share().compareTo(least) >= 0)
                .toList(), minShare, minRecruits);
    }

    boolean any() {
        return !gates.isEmpty();
    }

    /** Every payment to join: joining fees, purchases of declared gates and of gates in fact. */
    long entryPayments() {
        return facts.joiningFees().count() + facts.gatePurchases().count() + purchases().count();
    }

    /** Every payment per head: declared headcount pay and the uplines' commissions on gates in fact. */
    long headcountPayments() {
        return facts.headcountPay().count() + commissions().count();
    }

    /**
     * The rule's reason: with gates in fact, their measurements and figures are added and the
     * reason is the variant naming them ({@code rule.<id>.reason.inferredGate}).
     */
    Reason reason(RuleDescription rule, List<Measurement> measurements, Map<String, Object> figures) {
        if (!any()) {
            return Reason.of(rule.reasonCode(), figures);
        }
        measurements.addAll(measurements());
        figures.putAll(figures());
        return Reason.of(rule.reasonCode(REASON), figures);
    }

    /** The recruits' purchases of the gates on joining: entry payments. */
    Tally purchases() {
        return sum(gates.stream().map(InferredGate::purchases).toList());
    }

    /** The commissions those purchases paid uplines: pay per head. */
    Tally commissions() {
        return sum(gates.stream().map(InferredGate::uplineCommissions).toList());
    }

    /** Each gate's purchases then its commissions, the most taken up gate first. */
    Evidence evidence() {
        var all = new Evidence.Gatherer();
        gates.forEach(gate -> all.add(gate.evidence()));
        return all.evidence();
    }

    /** The most taken up gate against the thresholds, and the window it was measured over. */
    List<Measurement> measurements() {
        InferredGate top = gates.get(0);
        return List.of(shareCompared("inferredGateShare", top.share(), ">=", minShare),
                atLeast("inferredGateRecruits", top.recruits(), "people", minRecruits),
                context("inferredGates", gates.size(), "listings"),
                context("inferredGatePurchases", purchases().count(), "payments"),
                context("inferredGateCommissions", commissions().amount(), MINOR_UNITS),
                context("gateWindowDays", top.windowDays(), "days"));
    }

    /**
     * The figures of a reason on gates in fact: how many there are, the purchases of them, and the
     * most taken up (its listing, declared kind, window, buyers, recruits and share).
     */
    Map<String, Object> figures() {
        InferredGate top = gates.get(0);
        return Map.of("gates", gates.size(), "gatePurchases", purchases().count(), "listing", top.listingId(),
                "declaredKind", top.declaredKind(), "windowDays", top.windowDays(), "buyers", top.gateBuyers(),
                "recruits", top.recruits(), "share", percent(top.share()));
    }

    private static Tally sum(List<Tally> tallies) {
        var evidence = new Evidence.Gatherer();
        long count = 0;
        long amount = 0;
        for (Tally tally : tallies) {
            count += tally.count();
            amount += tally.amount();
            evidence.add(tally.evidence());
        }
        return new Tally(count, amount, evidence.evidence());
    }
}
