package com.marketplaceledger.simulator;

/**
 * The detection rules a scenario's ground truth speaks about, by their catalogue ids
 * (docs/detection.md), each with the jurisdiction whose rule book holds it: a network is judged
 * only by the rules of its merchant's jurisdiction. A firing pyramid indicator (a structural form:
 * a fee or purchase to join, pay per head, pay on the participants' own purchases, and the scale
 * rules that presuppose them) predicts "pyramid"; a compliance finding is something legitimate
 * multi-level plans also run into; a failed safeguard aggravates but alone makes no pyramid.
 */
public enum Rule {
    CN_HEADCOUNT_PAY("CN-HEADCOUNT-PAY", "CN", Category.PYRAMID_INDICATOR),
    CN_ENTRY_FEE("CN-ENTRY-FEE", "CN", Category.PYRAMID_INDICATOR),
    CN_TEAM_PAY("CN-TEAM-PAY", "CN", Category.COMPLIANCE),
    CN_PURCHASE_TEAM_PAY("CN-PURCHASE-TEAM-PAY", "CN", Category.PYRAMID_INDICATOR),
    CN_DIRECT_SELLING_CAP("CN-DIRECT-SELLING-CAP", "CN", Category.COMPLIANCE),
    CN_CRIMINAL_SCALE("CN-CRIMINAL-SCALE", "CN", Category.PYRAMID_INDICATOR),
    CN_SERIOUS("CN-SERIOUS", "CN", Category.PYRAMID_INDICATOR),
    CN_REFUND("CN-REFUND", "CN", Category.SAFEGUARD),
    US_KOSCOT("US-KOSCOT", "US", Category.PYRAMID_INDICATOR),
    US_RETAIL_SHARE("US-RETAIL-SHARE", "US", Category.PYRAMID_INDICATOR),
    US_COMPANY_RETAIL("US-COMPANY-RETAIL", "US", Category.PYRAMID_INDICATOR),
    US_70_PERCENT("US-70-PERCENT", "US", Category.PYRAMID_INDICATOR),
    US_TEN_CUSTOMERS("US-TEN-CUSTOMERS", "US", Category.SAFEGUARD),
    US_BUYBACK("US-BUYBACK", "US", Category.SAFEGUARD);

    /** What a firing says about the network, as the detection engine's rule categories do. */
    public enum Category {
        PYRAMID_INDICATOR,
        COMPLIANCE,
        SAFEGUARD
    }

    private final String id;
    private final String jurisdiction;
    private final Category category;

    Rule(String id, String jurisdiction, Category category) {
        this.id = id;
        this.jurisdiction = jurisdiction;
        this.category = category;
    }

    public String id() {
        return id;
    }

    /** "CN" or "US", as {@code RegisterMerchant.jurisdiction} names it. */
    public String jurisdiction() {
        return jurisdiction;
    }

    public Category category() {
        return category;
    }

    public boolean pyramidIndicator() {
        return category == Category.PYRAMID_INDICATOR;
    }
}
