package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.Money;

import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Grows a network: the founders join on the first day, two hours apart, then the others along a
 * recruitment curve that ends well before the market closes, so that late joiners still act.
 * Each enrolment schedules the next, so only one is ever pending.
 */
final class Recruitment {

    /** The first members, who join on day one and, in most kinds, form a chain D-1 → D-2 → D-3 → D-4. */
    static final int FOUNDERS = 4;

    /** How the pace of recruitment changes over the months. */
    enum Growth {
        /** About as many join each week. */
        STEADY(1),
        /** Joins speed up as recruits recruit (the share of members joined grows with the square of time). */
        ACCELERATING(2);

        private final double exponent;

        Growth(double exponent) {
            this.exponent = exponent;
        }

        /** The share of the recruitment period that has passed when {@code joined} of the members have joined. */
        double timeFor(double joined) {
            return Math.pow(joined, 1 / exponent);
        }
    }

    private final Market market;
    private final Growth growth;
    private final IntUnaryOperator sponsorOf;
    private final Money joiningFee;
    private final IntConsumer joined;
    private final long foundersEnd;
    private final long span;

    /**
     * @param sponsorOf  the sponsor of the n-th recruit (from 0), or {@link Market#ROOT}
     * @param joiningFee what every recruit pays to join, or null
     * @param joined     what a member does once enrolled (schedules its own steps)
     */
    Recruitment(Market market, Growth growth, IntUnaryOperator sponsorOf, Money joiningFee, IntConsumer joined) {
        this.market = market;
        this.growth = growth;
        this.sponsorOf = sponsorOf;
        this.joiningFee = joiningFee;
        this.joined = joined;
        long window = market.end() - market.start();
        long tail = Math.max(7 * Market.DAY, window / 5);
        foundersEnd = market.start() + Market.DAY + FOUNDERS * 2 * Market.HOUR;
        span = market.end() - tail - foundersEnd;
    }

    void start() {
        market.at(timeOf(0), () -> enrol(0));
    }

    private void enrol(int recruit) {
        int distributor = market.enrol(sponsorOf.applyAsInt(recruit), joiningFee);
        joined.accept(distributor);
        if (recruit + 1 < market.size()) {
            market.at(timeOf(recruit + 1), () -> enrol(recruit + 1));
        }
    }

    private long timeOf(int recruit) {
        if (recruit < FOUNDERS) {
            return market.start() + Market.DAY + recruit * 2 * Market.HOUR;
        }
        // a jitter below one keeps the times in recruit order
        double joined = (recruit - FOUNDERS + market.fraction(0, 1)) / (market.size() - FOUNDERS);
        return foundersEnd + (long) (span * growth.timeFor(joined));
    }
}
