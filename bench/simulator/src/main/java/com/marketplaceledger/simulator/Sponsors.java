package com.marketplaceledger.simulator;

import java.util.function.IntUnaryOperator;

/** How recruits find their sponsors, as functions of the recruit's number (from 0) to its sponsor's. */
final class Sponsors {

    private Sponsors() {
    }

    /** The founders form a chain D-1 → D-2 → D-3 → D-4, so the network has upline pay from its first day. */
    static IntUnaryOperator foundersChainThen(IntUnaryOperator others) {
        return recruit -> recruit < Recruitment.FOUNDERS ? recruit - 1 : others.applyAsInt(recruit);
    }

    /** A broad tree: some join as roots, the others under anyone who joined before. */
    static IntUnaryOperator broad(Market market, double roots) {
        return recruit -> market.chance(roots) ? Market.ROOT : market.below(recruit);
    }

    /** Half the recruits come from the newest fifth of the network, where recruiting is hottest. */
    static IntUnaryOperator hotRecruiters(Market market, double roots) {
        return recruit -> {
            if (market.chance(roots)) {
                return Market.ROOT;
            }
            return market.chance(0.5) ? recruit - 1 - market.below(Math.max(1, recruit / 5)) : market.below(recruit);
        };
    }

    /**
     * Deep chains: recruits join under the newest members, up to {@code maxLevel} levels (a
     * member that deep passes its recruits to its own sponsor).
     */
    static IntUnaryOperator chains(Market market, double roots, int maxLevel) {
        return recruit -> {
            if (market.chance(roots)) {
                return Market.ROOT;
            }
            int sponsor = recruit - 1 - market.below(Math.min(recruit, Math.max(3, recruit / 10)));
            while (market.levelOf(sponsor) >= maxLevel) {
                sponsor = market.sponsorOf(sponsor);
            }
            return sponsor;
        };
    }
}
