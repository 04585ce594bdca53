package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.RefundCase;

/** Refund requests a rule counts: how many, and their requests and answers as evidence. */
final class RefundTally {

    long count;
    final Evidence.Gatherer evidence = new Evidence.Gatherer();

    void add(RefundCase refund) {
        count++;
        evidence.add(refund.requestEventId());
        evidence.add(refund.answerEventId());
    }
}
