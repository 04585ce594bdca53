package com.marketplaceledger.query.detection.rules;

import com.marketplaceledger.query.detection.rules.NetworkFacts.EarnerMonth;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.marketplaceledger.query.detection.rules.Measurements.compared;
import static com.marketplaceledger.query.detection.rules.Measurements.context;
import static com.marketplaceledger.query.detection.rules.Measurements.count;
import static com.marketplaceledger.query.detection.rules.Measurements.percent;
import static com.marketplaceledger.query.detection.rules.Measurements.share;
import static com.marketplaceledger.query.detection.rules.Measurements.shareCompared;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

/**
 * US-TEN-CUSTOMERS: a performance bonus needs sales to at least 10 retail customers. A month is
 * flagged when at least half of those paid such a bonus fell short, since a few new distributors
 * short of customers is ordinary while a network where most are is not.
 */
final class TenCustomers implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "US-TEN-CUSTOMERS",
            "Performance bonuses without ten retail customers",
            RuleCategory.COMPLIANCE,
            Severity.MEDIUM,
            "In re Amway Corp., 93 F.T.C. 618 (1979): the ten-customer rule among Amway's safeguards",
            true,
            1,
            Map.of("minCustomers", BigDecimal.TEN, "minShareBasisPoints", BigDecimal.valueOf(5000)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minCustomers = thresholds.whole("minCustomers");
        long minShare = thresholds.whole("minShareBasisPoints");
        Map<YearMonth, List<EarnerMonth>> bonused = facts.earners().stream()
                .filter(e -> e.performancePay() > 0)
                .collect(groupingBy(EarnerMonth::month, TreeMap::new, toList()));
        List<Finding> findings = new ArrayList<>();
        bonused.forEach((month, earners) -> {
            List<EarnerMonth> below = earners.stream().filter(e -> e.customers() < minCustomers).toList();
            if (!below.isEmpty() && below.size() * 10_000L >= minShare * earners.size()) {
                findings.add(finding(month, earners.size(), below, minCustomers, minShare));
            }
        });
        return findings;
    }

    private static Finding finding(YearMonth month, int bonused, List<EarnerMonth> below, long minCustomers, long minShare) {
        long fewest = below.stream().mapToLong(EarnerMonth::customers).min().orElseThrow();
        return new Finding(month.toString(),
                List.of(shareCompared("shareBelowMinCustomers", share(below.size(), bonused), ">=", minShare),
                        context("earnersBelowMinCustomers", below.size(), "distributors"),
                        context("earnersWithPerformancePay", bonused, "distributors"),
                        compared("fewestCustomers", fewest, "customers", "<", minCustomers)),
                "In %s, %d of the %s paid a performance bonus (%s) had sold to fewer than %d retail customers"
                        .formatted(month, below.size(), count(bonused, "distributor"), percent(share(below.size(), bonused)),
                                minCustomers),
                below.stream().map(EarnerMonth::evidence).reduce(Evidence.NONE, Evidence::and));
    }
}
