package com.marketplaceledger.simulator;

/** How one kind of marketplace does business: its plan, its listings, how its network grows and what its members do. */
sealed interface Economy
        permits HonestRetailer, LicensedDirectSeller, MlmRetail, EntryFeePyramid, PayPerRecruit, DeepTeamPay,
        BranchStake, InventoryLoading, StarterKitAsProduct, UsCompliantMlm, UsPyramid, SafeguardOnly {

    /** Declares the plan and publishes the listings now, and schedules the business that follows. */
    void open(Market market);

    static Economy of(ScenarioKind kind) {
        return switch (kind) {
            case HONEST_RETAILER -> new HonestRetailer();
            case LICENSED_DIRECT_SELLER -> new LicensedDirectSeller(LicensedDirectSeller.Pay.UNDER_CAP);
            case MLM_RETAIL -> new MlmRetail(RefundPolicy.HONOURED);
            case ENTRY_FEE_PYRAMID -> new EntryFeePyramid();
            case PAY_PER_RECRUIT -> new PayPerRecruit();
            case DEEP_TEAM_PAY -> new DeepTeamPay();
            case BRANCH_STAKE -> new BranchStake();
            case INVENTORY_LOADING -> new InventoryLoading();
            case REFUND_REFUSING -> new MlmRetail(RefundPolicy.REFUSING);
            case STARTER_KIT_AS_PRODUCT -> new StarterKitAsProduct();
            case US_COMPLIANT_MLM -> new UsCompliantMlm();
            case US_PYRAMID -> new UsPyramid();
            case SAFEGUARD_ONLY -> new SafeguardOnly();
            case LICENSED_AT_CAP -> new LicensedDirectSeller(LicensedDirectSeller.Pay.AT_CAP);
        };
    }
}
