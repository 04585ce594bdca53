package com.marketplaceledger.supervision.detection.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * What the read models say about one network (a merchant's whole network, or one distributor's
 * subtree) as of a business day: everything the rules judge, already counted, with the events
 * that prove each count. Money is in minor units, summed over currencies unless named CNY (a
 * network trades in one currency in practice).
 *
 * @param subtreeRootId     the distributor heading the subtree judged, or null for the network
 * @param people            participants counted as the 2013 opinion counts: the organiser (the
 *                          merchant for a network, the root for a subtree) and everyone below
 * @param levels            levels counted the same way, the organiser's own level included
 * @param enrolments        the enrolments that make the headcount and depth, deepest line first
 * @param joiningFees       enrolments that paid a joining fee
 * @param gatePurchases     participants' purchases of starter packages, memberships, franchises
 *                          and branch stakes: the goods that are a disguised entry fee
 * @param gatePlans         plan declarations that require a joining fee or a starter package
 * @param headcountPay      commissions paid per recruit: recruitment bonuses and shares of
 *                          joining fees
 * @param teamPay           commissions paid to an upline (level 2 or more) on the sales or
 *                          purchases of its downline
 * @param participantPurchases every purchase by a participant
 * @param collectedFromParticipantsCny joining fees and purchases paid by participants, in CNY fen
 * @param productRetail     sales of product listings to end customers
 * @param productInternal   purchases of product listings by participants
 * @param earners           each paid participant's months, by month and distributor
 * @param earnerEvidence    the events behind the earners' months that a finding shows
 * @param reorders          participants' product purchases after their first, in time order
 * @param refunds           refund requests, in the order they were made
 * @param buybackBasisPoints the buyback rate of the plan in force, null without a plan
 * @param planEventId       the declaration of the plan in force, null without a plan
 * @param penalty           an earlier penalty of this organiser, if any
 * @param zone              the zone of the merchant's business days: {@code asOf} ends at the
 *                          start of the next day there
 * @param inferredGates     listings not declared a gate that recruits bought on joining, paying their
 *                          upline, the most taken up first
 * @param teamPaidMonths    month by month, the sales team pay was paid on, by who bought them
 */
public record NetworkFacts(
        String merchantId,
        String subtreeRootId,
        LocalDate asOf,
        long people,
        int levels,
        Evidence enrolments,
        Tally joiningFees,
        Tally gatePurchases,
        Evidence gatePlans,
        Tally headcountPay,
        Tally teamPay,
        Tally participantPurchases,
        long collectedFromParticipantsCny,
        Tally productRetail,
        Tally productInternal,
        List<Month> months,
        Rows<EarnerMonth> earners,
        EarnerEvidence earnerEvidence,
        Rows<Reorder> reorders,
        Rows<RefundCase> refunds,
        Integer buybackBasisPoints,
        String planEventId,
        Penalty penalty,
        ZoneId zone,
        List<InferredGate> inferredGates,
        List<TeamPaidMonth> teamPaidMonths) {

    public NetworkFacts {
        months = List.copyOf(months);
        inferredGates = List.copyOf(inferredGates);
        teamPaidMonths = List.copyOf(teamPaidMonths);
    }

    /** A count of payments, their sum, and the events that record them. */
    public record Tally(long count, long amount, Evidence evidence) {

        public static final Tally NONE = new Tally(0, 0, Evidence.NONE);
    }

    /**
     * One calendar month's revenue: sales to end customers (people outside the network) against
     * what participants paid (their purchases and joining fees).
     */
    public record Month(YearMonth month, Tally retail, Tally participantPurchases, Tally joiningFees) {

        public long revenue() {
            return retail.amount() + participantPurchases.amount() + joiningFees.amount();
        }
    }

    /**
     * One participant's pay in one month beside its own retail business that month.
     *
     * @param pay             every commission accrued to it in the month
     * @param performancePay  the part paid on its downline's sales and purchases
     * @param ownRetail       its own sales to end customers in the month
     * @param customers       distinct end customers it sold to in the month
     * @param events          its commission events and retail sales of the month: the evidence behind it
     */
    public record EarnerMonth(YearMonth month, String distributorId, long pay, long performancePay, long ownRetail,
                              long customers, long events) {
    }

    /**
     * The events behind earners' months, read only for those a finding shows: reading them for
     * every paid month of a million-distributor network was most of its judgement.
     */
    @FunctionalInterface
    public interface EarnerEvidence {

        /**
         * The ids of these earners' events, earner by earner in the order given (each earner's
         * first commissions of the month, then its first retail sales), at most
         * {@link Evidence#MOST} in all.
         */
        List<String> eventIds(List<EarnerMonth> earners);
    }

    /**
     * A participant's purchase of products after its first: how many units it had bought and sold
     * on to end customers before it, and whether the purchase paid its upline.
     */
    public record Reorder(String distributorId, String eventId, Instant at, long unitsBoughtBefore,
                          long unitsSoldBefore, boolean commissioned) {
    }

    /**
     * A refund request and its answer, if any.
     *
     * @param participantBuyer whether the buyer was a participant (returning stock when leaving)
     * @param answer           ISSUED, REFUSED, or null while unanswered
     */
    public record RefundCase(String saleId, String refundId, boolean participantBuyer, Instant soldAt,
                             Instant requestedAt, String answer, Instant answeredAt, String requestEventId,
                             String answerEventId) {
    }

    /**
     * An earlier penalty of the organiser (a case on a merchant with the same licence number
     * closed with the finding PENALISED), and who joined this network after it.
     */
    public record Penalty(LocalDate penalisedOn, String caseEventId, long peopleSince, Evidence enrolmentsSince) {
    }
}
