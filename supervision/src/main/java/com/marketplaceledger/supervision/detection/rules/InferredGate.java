package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;

import java.math.BigDecimal;

/**
 * A listing declared as something other than a gate that recruits bought themselves on joining,
 * paying their upline: the uptake that makes it a gate in fact (禁止传销条例 Art. 7(2) counts goods
 * bought as a disguised fee; the FTC, paying for the right to take part). Whether the uptake is
 * enough is the rules' threshold ({@link #share()} against it); the facts hold every listing on
 * which at least one such purchase paid an upline.
 *
 * @param listingId          the listing
 * @param declaredKind       the kind the merchant declared it as (a product, say)
 * @param windowDays         how many days after its enrolment a recruit's purchase counts as bought on joining
 * @param recruits           participants with an upline enrolled at least {@code windowDays} before the day
 *                           judged, so each had the whole window (the organiser of a subtree is no recruit)
 * @param earlyBuyers        of them, those whose first purchase of the listing fell in their window
 * @param gateBuyers         of those, whose purchase paid a commission to an upline and who bought the listing
 *                           no other time: a price of entry is paid once
 * @param purchases          the gate buyers' purchases of it: count, amount, sale events
 * @param uplineCommissions  the commissions paid to uplines on those purchases: pay per head in disguise
 */
public record InferredGate(
        String listingId,
        String declaredKind,
        int windowDays,
        long recruits,
        long earlyBuyers,
        long gateBuyers,
        Tally purchases,
        Tally uplineCommissions) {

    /** The share of recruits who bought it once, on joining, paying their upline. */
    public BigDecimal share() {
        return Measurements.share(gateBuyers, recruits);
    }

    /** The purchases, then the commissions they paid. */
    public Evidence evidence() {
        return purchases.evidence().and(uplineCommissions.evidence());
    }
}
