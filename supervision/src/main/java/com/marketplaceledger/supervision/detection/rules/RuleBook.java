package com.marketplaceledger.supervision.detection.rules;

import java.util.List;

/** Every rule of the catalogue in docs/detection.md, in its order. */
public final class RuleBook {

    private static final List<DetectionRule> RULES = List.of(
            new HeadcountPay(),
            new EntryFee(),
            new TeamPay(),
            new DirectSellingCap(),
            new CriminalScale(),
            new SeriousCircumstances(),
            new RepeatOffender(),
            new RefusedRefunds(),
            new PurchaseTeamPay(),
            new Koscot(),
            new RetailShare(),
            new CompanyRetail(),
            new SeventyPercent(),
            new TenCustomers(),
            new Buyback());

    private RuleBook() {
    }

    public static List<DetectionRule> rules() {
        return RULES;
    }
}
