package com.marketplaceledger.simulator;

import java.util.Set;

import static com.marketplaceledger.simulator.Rule.CN_CRIMINAL_SCALE;
import static com.marketplaceledger.simulator.Rule.CN_DIRECT_SELLING_CAP;
import static com.marketplaceledger.simulator.Rule.CN_ENTRY_FEE;
import static com.marketplaceledger.simulator.Rule.CN_HEADCOUNT_PAY;
import static com.marketplaceledger.simulator.Rule.CN_PURCHASE_TEAM_PAY;
import static com.marketplaceledger.simulator.Rule.CN_REFUND;
import static com.marketplaceledger.simulator.Rule.CN_SERIOUS;
import static com.marketplaceledger.simulator.Rule.CN_TEAM_PAY;
import static com.marketplaceledger.simulator.Rule.US_70_PERCENT;
import static com.marketplaceledger.simulator.Rule.US_BUYBACK;
import static com.marketplaceledger.simulator.Rule.US_COMPANY_RETAIL;
import static com.marketplaceledger.simulator.Rule.US_KOSCOT;
import static com.marketplaceledger.simulator.Rule.US_RETAIL_SHARE;
import static com.marketplaceledger.simulator.Rule.US_TEN_CUSTOMERS;

/**
 * The kinds of marketplace the simulator builds, each in a jurisdiction whose rules alone judge
 * it, with the rules its structure makes fire (expected) and those it may also trip (tolerated).
 * In China the scale rules CN-CRIMINAL-SCALE and CN-SERIOUS are added per scenario, from what was
 * generated (see {@link GroundTruth}). A kind is a pyramid for its structure (a fee or purchase to
 * join, pay per head, pay on the participants' own purchases); failed safeguards and team pay on
 * real retail alone make none. New kinds come last: a kind's ordinal seeds its scenarios.
 */
public enum ScenarioKind {
    /** The merchant sells products to end customers; no network. {@code size} = retail sales. */
    HONEST_RETAILER("CN", false, Set.of(), Set.of()),
    /** A licensed direct seller: pay only on the seller's own retail sales, within the 30% cap. */
    LICENSED_DIRECT_SELLER("CN", false, Set.of(), Set.of()),
    /** A multi-level plan that passes the retail tests: team pay, but sales to end customers. */
    MLM_RETAIL("CN", false, Set.of(CN_TEAM_PAY), Set.of(CN_DIRECT_SELLING_CAP)),
    /** Every recruit pays a joining fee, shared up the line. */
    ENTRY_FEE_PYRAMID("CN", true, Set.of(CN_ENTRY_FEE, CN_HEADCOUNT_PAY), Set.of(CN_TEAM_PAY, CN_DIRECT_SELLING_CAP)),
    /** A bonus per recruit, and every recruit buys a starter package. */
    PAY_PER_RECRUIT("CN", true, Set.of(CN_ENTRY_FEE, CN_HEADCOUNT_PAY), Set.of(CN_TEAM_PAY, CN_DIRECT_SELLING_CAP)),
    /**
     * 团队计酬: pay ten levels deep on the members' own purchases, which dwarf retail. A member's
     * first restock comes within days of joining, so in a small network one product may happen to
     * look like a gate: the gate rules and the scale rules they bring are tolerated.
     */
    DEEP_TEAM_PAY("CN", true, Set.of(CN_TEAM_PAY, CN_PURCHASE_TEAM_PAY),
            Set.of(CN_DIRECT_SELLING_CAP, CN_ENTRY_FEE, CN_HEADCOUNT_PAY, CN_CRIMINAL_SCALE, CN_SERIOUS)),
    /** "Branch company" stakes at CNY 100,000, ten shareholders per city, a bonus per merchant recruited. */
    BRANCH_STAKE("CN", true, Set.of(CN_ENTRY_FEE, CN_HEADCOUNT_PAY), Set.of(CN_TEAM_PAY, CN_DIRECT_SELLING_CAP)),
    /**
     * Members buy stock in large batches, paying their upline, and sell little of it. Each member
     * loads one of two products within days of joining, so one of them often looks like a gate (it
     * is one in substance): the gate rules and the scale rules they bring are tolerated.
     */
    INVENTORY_LOADING("CN", true, Set.of(CN_TEAM_PAY, CN_PURCHASE_TEAM_PAY),
            Set.of(CN_DIRECT_SELLING_CAP, CN_ENTRY_FEE, CN_HEADCOUNT_PAY, CN_CRIMINAL_SCALE, CN_SERIOUS)),
    /** A multi-level retail plan that refuses refunds inside the window: failed safeguards, no pyramid. */
    REFUND_REFUSING("CN", false, Set.of(CN_REFUND, CN_TEAM_PAY), Set.of(CN_DIRECT_SELLING_CAP)),
    /** An "ordinary product" starter kit most recruits buy at once, paying their sponsor: a gate in disguise. */
    STARTER_KIT_AS_PRODUCT("CN", true, Set.of(CN_ENTRY_FEE, CN_HEADCOUNT_PAY),
            Set.of(CN_TEAM_PAY, CN_DIRECT_SELLING_CAP, CN_PURCHASE_TEAM_PAY)),
    /** A US multi-level plan that keeps the Amway safeguards: retail to customers, ten customers each, buyback. */
    US_COMPLIANT_MLM("US", false, Set.of(), Set.of()),
    /** Paid membership packages and rewards for recruiting unrelated to retail (BurnLounge). */
    US_PYRAMID("US", true, Set.of(US_KOSCOT, US_RETAIL_SHARE),
            Set.of(US_COMPANY_RETAIL, US_70_PERCENT, US_TEN_CUSTOMERS, US_BUYBACK)),
    /** A single-level shop whose agents are paid on their own retail within the cap, refusing refunds. */
    SAFEGUARD_ONLY("CN", false, Set.of(CN_REFUND), Set.of()),
    /** LICENSED_DIRECT_SELLER paying exactly the 30 % cap: the cap is "more than 30 %", so nothing fires. */
    LICENSED_AT_CAP("CN", false, Set.of(), Set.of());

    private final String jurisdiction;
    private final boolean pyramid;
    private final Set<Rule> expected;
    private final Set<Rule> tolerated;

    ScenarioKind(String jurisdiction, boolean pyramid, Set<Rule> expected, Set<Rule> tolerated) {
        this.jurisdiction = jurisdiction;
        this.pyramid = pyramid;
        this.expected = expected;
        this.tolerated = tolerated;
    }

    /** "CN" or "US": the merchant registers in it, and only that jurisdiction's rules judge the network. */
    public String jurisdiction() {
        return jurisdiction;
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
