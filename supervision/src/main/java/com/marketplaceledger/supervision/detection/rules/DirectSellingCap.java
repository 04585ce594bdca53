package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerEvidence;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerMonth;
import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

import static com.marketplaceledger.supervision.detection.rules.Measurements.MINOR_UNITS;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.fraction;
import static com.marketplaceledger.supervision.detection.rules.Measurements.money;
import static com.marketplaceledger.supervision.detection.rules.Measurements.percent;
import static com.marketplaceledger.supervision.detection.rules.Measurements.share;
import static com.marketplaceledger.supervision.detection.rules.Measurements.shareCompared;

/**
 * CN-DIRECT-SELLING-CAP: lawful direct selling pays a seller only on its own sales to consumers,
 * at most 30% of them, month by month. Pay with no own retail sales at all is over any cap.
 */
final class DirectSellingCap implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-DIRECT-SELLING-CAP",
            RuleCategory.COMPLIANCE,
            Severity.MEDIUM,
            true,
            1,
            Map.of("maxPayShareBasisPoints", BigDecimal.valueOf(3000)));

    /**
     * Worst first: pay without own retail sales (the most paid first), then by pay share; among
     * equals, in distributor order.
     */
    private static final Comparator<EarnerMonth> WORST_FIRST = Comparator
            .comparing((EarnerMonth e) -> e.ownRetail() == 0)
            .thenComparing(e -> e.ownRetail() == 0 ? BigDecimal.valueOf(e.pay()) : payShare(e))
            .reversed()
            .thenComparing(EarnerMonth::distributorId);

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long maxShare = thresholds.whole("maxPayShareBasisPoints");
        Map<YearMonth, OverCap> overCap = new TreeMap<>();
        facts.earners().forEach(e -> {
            if (e.pay() * 10_000 > maxShare * e.ownRetail()) {
                overCap.computeIfAbsent(e.month(), month -> new OverCap()).add(e);
            }
        });
        List<Finding> findings = new ArrayList<>();
        overCap.forEach((month, earners) -> findings.add(finding(month, earners, maxShare, facts.earnerEvidence())));
        return findings;
    }

    /**
     * A month's earners over the cap: how many, and the worst of them, as many as the evidence can
     * show (each shows at least one event).
     */
    private static final class OverCap {

        private final PriorityQueue<EarnerMonth> worst = new PriorityQueue<>(WORST_FIRST.reversed());
        private long count;
        private long events;

        void add(EarnerMonth earner) {
            count++;
            events += earner.events();
            worst.add(earner);
            if (worst.size() > Evidence.MOST) {
                worst.poll();
            }
        }

        List<EarnerMonth> worstFirst() {
            return worst.stream().sorted(WORST_FIRST).toList();
        }

        Evidence evidence(EarnerEvidence lookup) {
            return new Evidence(lookup.eventIds(worstFirst()), events);
        }
    }

    private static Finding finding(YearMonth month, OverCap earners, long maxShare, EarnerEvidence lookup) {
        EarnerMonth worst = earners.worstFirst().get(0);
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(context("distributorsOverCap", earners.count, "distributors"));
        // a share of nothing has no value, so pay without own retail sales is shown as the two sums
        BigDecimal worstShare = share(worst.pay(), worst.ownRetail(), ">");
        if (worst.ownRetail() > 0) {
            measurements.add(shareCompared("worstPayShare", worstShare, ">", maxShare));
        }
        measurements.add(context("worstPay", worst.pay(), MINOR_UNITS));
        measurements.add(context("worstOwnRetail", worst.ownRetail(), MINOR_UNITS));
        Evidence evidence = earners.evidence(lookup);
        var figures = new TreeMap<String, Object>(Map.of("month", month, "distributors", earners.count,
                "cap", percent(fraction(maxShare)), "worst", worst.distributorId(), "worstPay", money(worst.pay())));
        if (worst.ownRetail() > 0) {
            figures.put("worstOwnRetail", money(worst.ownRetail()));
            figures.put("worstShare", percent(worstShare));
        }
        Reason reason = Reason.of(worst.ownRetail() == 0 ? DESCRIPTION.reasonCode("noOwnRetail") : DESCRIPTION.reasonCode(),
                figures);
        return new Finding(month.toString(), measurements, reason, evidence);
    }

    private static BigDecimal payShare(EarnerMonth earner) {
        return BigDecimal.valueOf(earner.pay()).divide(BigDecimal.valueOf(earner.ownRetail()), MathContext.DECIMAL64);
    }
}
