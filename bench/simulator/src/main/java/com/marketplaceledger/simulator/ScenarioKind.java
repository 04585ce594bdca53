package com.marketplaceledger.simulator;

import java.util.Set;

import static com.marketplaceledger.simulator.Rule.CN_DIRECT_SELLING_CAP;
import static com.marketplaceledger.simulator.Rule.CN_ENTRY_FEE;
import static com.marketplaceledger.simulator.Rule.CN_HEADCOUNT_PAY;
import static com.marketplaceledger.simulator.Rule.CN_REFUND;
import static com.marketplaceledger.simulator.Rule.CN_TEAM_PAY;
import static com.marketplaceledger.simulator.Rule.US_70_PERCENT;
import static com.marketplaceledger.simulator.Rule.US_BUYBACK;
import static com.marketplaceledger.simulator.Rule.US_COMPANY_RETAIL;
import static com.marketplaceledger.simulator.Rule.US_KOSCOT;
import static com.marketplaceledger.simulator.Rule.US_RETAIL_SHARE;
import static com.marketplaceledger.simulator.Rule.US_TEN_CUSTOMERS;

/**
 * The kinds of marketplace the simulator builds, each with the rules its structure makes fire
 * (expected) and those it may also trip (tolerated). The scale rules CN-CRIMINAL-SCALE and
 * CN-SERIOUS are added per scenario, from what was generated (see {@link GroundTruth}).
 */
public enum ScenarioKind {
    /** The merchant sells products to end customers; no network. {@code size} = retail sales. */
    HONEST_RETAILER(false, Set.of(), Set.of()),
    /** A licensed direct seller: pay only on the seller's own retail sales, within the 30% cap. */
    LICENSED_DIRECT_SELLER(false, Set.of(), Set.of()),
    /** A multi-level plan that passes the retail tests: team pay, but sales to end customers. */
    MLM_RETAIL(false, Set.of(CN_TEAM_PAY), Set.of(CN_DIRECT_SELLING_CAP, US_TEN_CUSTOMERS)),
    /** Every recruit pays a joining fee, shared up the line. */
    ENTRY_FEE_PYRAMID(true, Set.of(CN_ENTRY_FEE, CN_HEADCOUNT_PAY, US_KOSCOT, US_RETAIL_SHARE),
            Set.of(CN_TEAM_PAY, CN_DIRECT_SELLING_CAP, US_TEN_CUSTOMERS, US_COMPANY_RETAIL, US_70_PERCENT)),
    /** A bonus per recruit, and every recruit buys a starter package. */
    PAY_PER_RECRUIT(true, Set.of(CN_ENTRY_FEE, CN_HEADCOUNT_PAY, US_KOSCOT, US_RETAIL_SHARE),
            Set.of(CN_TEAM_PAY, CN_DIRECT_SELLING_CAP, US_TEN_CUSTOMERS, US_COMPANY_RETAIL, US_70_PERCENT)),
    /** 团队计酬: pay ten levels deep on the members' own purchases, which dwarf retail. */
    DEEP_TEAM_PAY(true, Set.of(CN_TEAM_PAY, US_RETAIL_SHARE, US_COMPANY_RETAIL, US_70_PERCENT),
            Set.of(CN_DIRECT_SELLING_CAP, US_TEN_CUSTOMERS)),
    /** "Branch company" stakes at CNY 100,000, ten shareholders per city, a bonus per merchant recruited. */
    BRANCH_STAKE(true, Set.of(CN_ENTRY_FEE, CN_HEADCOUNT_PAY, US_KOSCOT, US_RETAIL_SHARE),
            Set.of(CN_TEAM_PAY, CN_DIRECT_SELLING_CAP, US_TEN_CUSTOMERS, US_COMPANY_RETAIL, US_70_PERCENT)),
    /** Members buy stock in large batches, paying their upline, and sell little of it. */
    INVENTORY_LOADING(true, Set.of(US_70_PERCENT, US_RETAIL_SHARE, US_COMPANY_RETAIL, CN_TEAM_PAY),
            Set.of(CN_DIRECT_SELLING_CAP, US_TEN_CUSTOMERS)),
    /** A multi-level retail plan that refuses refunds inside the window and buys back little. */
    REFUND_REFUSING(true, Set.of(CN_REFUND, US_BUYBACK, CN_TEAM_PAY), Set.of(CN_DIRECT_SELLING_CAP, US_TEN_CUSTOMERS));

    private final boolean pyramid;
    private final Set<Rule> expected;
    private final Set<Rule> tolerated;

    ScenarioKind(boolean pyramid, Set<Rule> expected, Set<Rule> tolerated) {
        this.pyramid = pyramid;
        this.expected = expected;
        this.tolerated = tolerated;
    }

    public boolean pyramid() {
        return pyramid;
    }

    /** The rules that must fire on every scenario of this kind, before the scale rules. */
    public Set<Rule> expected() {
        return expected;
    }

    public Set<Rule> tolerated() {
        return tolerated;
    }
}
