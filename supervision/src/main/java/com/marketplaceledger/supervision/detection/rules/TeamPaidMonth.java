package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;

import java.time.YearMonth;

/**
 * One calendar month of the sales on which team pay (a commission to level 2 or deeper) was paid:
 * who bought them, participants or end customers, and the team pay they carried. Team pay on real
 * sales to consumers is an administrative matter; on participants' own purchases it is the
 * fraudulent kind.
 *
 * @param participantPurchases team-paid sales bought by participants, the largest first in the evidence
 * @param retail               team-paid sales to end customers
 * @param teamPay              the team pay on both
 */
public record TeamPaidMonth(YearMonth month, Tally participantPurchases, Tally retail, Tally teamPay) {

    public long revenue() {
        return participantPurchases.amount() + retail.amount();
    }
}
