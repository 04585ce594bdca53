package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.supervision.detection.rules.Measurements.MINOR_UNITS;
import static com.marketplaceledger.supervision.detection.rules.Measurements.atLeast;
import static com.marketplaceledger.supervision.detection.rules.Measurements.context;
import static com.marketplaceledger.supervision.detection.rules.Measurements.fraction;
import static com.marketplaceledger.supervision.detection.rules.Measurements.money;
import static com.marketplaceledger.supervision.detection.rules.Measurements.percent;
import static com.marketplaceledger.supervision.detection.rules.Measurements.share;
import static com.marketplaceledger.supervision.detection.rules.Measurements.shareCompared;

/**
 * CN-PURCHASE-TEAM-PAY: team pay (团队计酬) computed on what the participants buy themselves rather
 * than on sales to consumers. The 2013 opinion spares team pay on genuine sales (it is CN-TEAM-PAY's
 * administrative matter); when the sales it is paid on are mostly the team's own purchases, the pay
 * is funded by the members' outlays, the fraudulent kind of Art. 7(3). "Mostly" is taken as the
 * participants buying at least twice what end customers do, two thirds of the team-paid revenue
 * (6667): at that point no allowance for own use explains the purchases. A month with less team pay
 * than {@code minTeamPay} is a few commissions on a couple of orders, not a way of paying.
 */
final class PurchaseTeamPay implements DetectionRule {

    static final RuleDescription DESCRIPTION = new RuleDescription(
            "CN-PURCHASE-TEAM-PAY",
            "CN",
            RuleCategory.PYRAMID_INDICATOR,
            Severity.HIGH,
            true,
            1,
            Map.of("minParticipantShareBasisPoints", BigDecimal.valueOf(6667), "minTeamPay", BigDecimal.valueOf(10_000)));

    @Override
    public RuleDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<Finding> evaluate(NetworkFacts facts, Thresholds thresholds) {
        long minShare = thresholds.whole("minParticipantShareBasisPoints");
        long minTeamPay = thresholds.whole("minTeamPay");
        // the share as shown is what is held against the threshold: two to one reads 0.6667 >= 0.6667
        return facts.teamPaidMonths().stream()
                .filter(m -> m.teamPay().amount() >= minTeamPay
                        && participantShare(m).compareTo(fraction(minShare)) >= 0)
                .sorted(Comparator.comparing(TeamPaidMonth::month))
                .map(m -> finding(m, minShare, minTeamPay))
                .toList();
    }

    private static BigDecimal participantShare(TeamPaidMonth month) {
        return share(month.participantPurchases().amount(), month.revenue());
    }

    private static Finding finding(TeamPaidMonth month, long minShare, long minTeamPay) {
        BigDecimal participantShare = participantShare(month);
        return new Finding(month.month().toString(),
                List.of(shareCompared("participantPurchaseShare", participantShare, ">=", minShare),
                        atLeast("teamPay", month.teamPay().amount(), MINOR_UNITS, minTeamPay),
                        context("teamPayments", month.teamPay().count(), "payments"),
                        context("participantPurchases", month.participantPurchases().amount(), MINOR_UNITS),
                        context("retail", month.retail().amount(), MINOR_UNITS)),
                Reason.of(DESCRIPTION.reasonCode(), Map.of("month", month.month(), "teamPay", money(month.teamPay().amount()),
                        "revenue", money(month.revenue()), "share", percent(participantShare),
                        "purchases", money(month.participantPurchases().amount()), "retail", money(month.retail().amount()))),
                month.participantPurchases().evidence().and(month.teamPay().evidence()));
    }
}
