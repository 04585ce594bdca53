package com.marketplaceledger.command.referral;

import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

/**
 * A distributor's stream: its enrolment under a sponsor and the commissions that enrolment paid.
 * The decision is made by {@link EnrolmentHandler}, which needs the sponsor's upline.
 */
@Aggregate
class Distributor {

    @AggregateIdentifier
    private String streamId;

    Distributor() {
    }

    Distributor(DistributorEnrolled enrolment, List<CommissionAccrued> commissions) {
        AggregateLifecycle.apply(enrolment);
        commissions.forEach(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(DistributorEnrolled event) {
        streamId = StreamIds.distributor(event.merchantId(), event.distributorId());
    }
}
