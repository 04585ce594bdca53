package com.marketplaceledger.simulator;

/**
 * The detection rules a scenario's ground truth speaks about, by their catalogue ids
 * (docs/detection.md). A firing pyramid indicator predicts "pyramid"; a compliance
 * finding is something legitimate multi-level plans also run into.
 */
public enum Rule {
    CN_HEADCOUNT_PAY("CN-HEADCOUNT-PAY", true),
    CN_ENTRY_FEE("CN-ENTRY-FEE", true),
    CN_TEAM_PAY("CN-TEAM-PAY", false),
    CN_DIRECT_SELLING_CAP("CN-DIRECT-SELLING-CAP", false),
    CN_CRIMINAL_SCALE("CN-CRIMINAL-SCALE", true),
    CN_SERIOUS("CN-SERIOUS", true),
    CN_REFUND("CN-REFUND", true),
    US_KOSCOT("US-KOSCOT", true),
    US_RETAIL_SHARE("US-RETAIL-SHARE", true),
    US_COMPANY_RETAIL("US-COMPANY-RETAIL", true),
    US_70_PERCENT("US-70-PERCENT", true),
    US_TEN_CUSTOMERS("US-TEN-CUSTOMERS", false),
    US_BUYBACK("US-BUYBACK", true);

    private final String id;
    private final boolean pyramidIndicator;

    Rule(String id, boolean pyramidIndicator) {
        this.id = id;
        this.pyramidIndicator = pyramidIndicator;
    }

    public String id() {
        return id;
    }

    public boolean pyramidIndicator() {
        return pyramidIndicator;
    }
}
