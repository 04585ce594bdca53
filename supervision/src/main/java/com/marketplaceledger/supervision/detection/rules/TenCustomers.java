package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerEvidence;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerMonth;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.marketplaceledger.supervision.detection.rules.Measurements.compared;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.percent;
import static com.marketplaceledger.supervision.detection.rules.Measurements.share;
import static com.marketplaceledger.supervision.detection.rules.Measurements.shareCompared;

/**
 * US-TEN-CUSTOMERS: a performance bonus needs sales to at least 10 retail customers. A month is
 * flagged when at least half of those paid such a bonus fell short, since a few new distributors
 * short of customers is ordinary while a network where most are is not.
 *
 * <p>A month is judged once it is over, as of its last business day or later: the rule asks for
 * ten customers in the month, and until the month ends a distributor paid on its downline's first
 * sales may still make them. A network judged as its events arrive is judged in the middle of its
 * months; judging the month so far would fault, for a day, an organisation that keeps the rule.
 */
final class TenCustomers implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-TEN-CUSTOMERS",
            "US",
            RuleCategory.SAFEGUARD,
            Severity.MEDIUM,
            true,
            2,
            Map.of("minCustomers", BigDecimal.TEN, "minShareBasisPoints", BigDecimal.valueOf(5000)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minCustomers = thresholds.whole("minCustomers");
        long minShare = thresholds.whole("minShareBasisPoints");
        Map<YearMonth, Bonused> months = new TreeMap<>();
        facts.earners().forEach(e -> {
            if (e.performancePay() > 0 && over(e.month(), facts.asOf())) {
                months.computeIfAbsent(e.month(), month -> new Bonused()).add(e, minCustomers);
            }
        });
        List<Finding> findings = new ArrayList<>();
        months.forEach((month, bonused) -> {
            if (bonused.below > 0 && bonused.below * 10_000 >= minShare * bonused.count) {
                findings.add(finding(month, bonused, minCustomers, minShare, facts.earnerEvidence()));
            }
        });
        return findings;
    }

    /** Whether the month has ended by the end of the day judged: its last business day is that day or before. */
    private static boolean over(YearMonth month, LocalDate asOf) {
        return !month.atEndOfMonth().isAfter(asOf);
    }

    /**
     * A month's earners of a performance bonus, and those of them short of customers: how many,
     * and the first of them, as many as the evidence can show (each shows at least one event).
     */
    private static final class Bonused {

        private long count;
        private long below;
        private long fewest = Long.MAX_VALUE;
        private long events;
        private final List<EarnerMonth> shown = new ArrayList<>();

        void add(EarnerMonth earner, long minCustomers) {
            count++;
            if (earner.customers() < minCustomers) {
                below++;
                fewest = Math.min(fewest, earner.customers());
                events += earner.events();
                if (shown.size() < Evidence.MOST) {
                    shown.add(earner);
                }
            }
        }
    }

    private static Finding finding(YearMonth month, Bonused bonused, long minCustomers, long minShare,
                                   EarnerEvidence lookup) {
        return new Finding(month.toString(),
                List.of(shareCompared("shareBelowMinCustomers", share(bonused.below, bonused.count), ">=", minShare),
                        context("earnersBelowMinCustomers", bonused.below, "distributors"),
                        context("earnersWithPerformancePay", bonused.count, "distributors"),
                        compared("fewestCustomers", bonused.fewest, "customers", "<", minCustomers)),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("month", month, "below", bonused.below, "bonused", bonused.count,
                        "share", percent(share(bonused.below, bonused.count)), "minCustomers", minCustomers)),
                new Evidence(lookup.eventIds(bonused.shown), bonused.events));
    }
}
