package com.marketplaceledger.simulator;

/** How one kind of marketplace does business: its plan, its listings, how its network grows and what its members do. */
sealed interface Economy
        permits HonestRetailer, LicensedDirectSeller, MlmRetail, EntryFeePyramid, PayPerRecruit, DeepTeamPay,
        BranchStake, InventoryLoading {

    /** Declares the plan and publishes the listings now, and schedules the business that follows. */
    void open(Market market);

    static Economy of(ScenarioKind kind) {
        return switch (kind) {
            case HONEST_RETAILER -> new HonestRetailer();
            case LICENSED_DIRECT_SELLER -> new LicensedDirectSeller();
            case MLM_RETAIL -> new MlmRetail(RefundPolicy.HONOURED);
            case ENTRY_FEE_PYRAMID -> new EntryFeePyramid();
            case PAY_PER_RECRUIT -> new PayPerRecruit();
            case DEEP_TEAM_PAY -> new DeepTeamPay();
            case BRANCH_STAKE -> new BranchStake();
            case INVENTORY_LOADING -> new InventoryLoading();
            case REFUND_REFUSING -> new MlmRetail(RefundPolicy.REFUSING);
        };
    }
}
