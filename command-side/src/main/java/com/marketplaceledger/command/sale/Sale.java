package com.marketplaceledger.command.sale;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.commission.CommissionPolicy;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRefused;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One sale, its refunds and the commissions it paid. Each sale is its own aggregate, so a popular
 * listing or merchant is never a single point that serialises every sale.
 */
@Aggregate
class Sale {

    private enum RefundStatus { REQUESTED, ISSUED, REFUSED }

    private record Refund(Money requested, Instant requestedAt, RefundStatus status) {

        Refund decided(RefundStatus decision) {
            return new Refund(requested, requestedAt, decision);
        }
    }

    private record Commission(DistributorId beneficiary, Money amount, Money reversed) {
    }

    @AggregateIdentifier
    private String streamId;
    private Instant occurredAt;
    private Money amount;
    private Money refunded;
    private final Map<RefundId, Refund> refunds = new HashMap<>();
    private final Map<CommissionId, Commission> commissions = new LinkedHashMap<>();

    Sale() {
    }

    Sale(SaleRecorded sale, List<CommissionAccrued> commissions) {
        apply(sale);
        commissions.forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(RequestRefund command) {
        if (refunds.containsKey(command.refundId())) {
            throw RuleViolation.conflict("refund-already-requested", "refundId",
                    "refund " + command.refundId() + " was already requested for this sale");
        }
        requireNotBeforeSale(command.occurredAt());
        requireWithinWhatIsLeft(command.amount(), "amount");
        apply(new RefundRequested(command.merchantId(), command.saleId(), command.refundId(), command.amount(),
                command.reason(), command.occurredAt()));
    }

    @CommandHandler
    void handle(IssueRefund command) {
        Refund refund = requestedRefund(command.refundId(), command.occurredAt());
        Money paid = command.amount() == null ? refund.requested() : command.amount();
        if (paid.currency().equals(refund.requested().currency()) && paid.isGreaterThan(refund.requested())) {
            throw RuleViolation.unprocessable("refund-above-request", "amount",
                    "refund " + command.refundId() + " was requested for " + refund.requested() + ", not " + paid);
        }
        requireWithinWhatIsLeft(paid, "amount");
        Money refundedAfter = refunded.plus(paid);
        apply(new RefundIssued(command.merchantId(), command.saleId(), command.refundId(), paid,
                amount.minus(refundedAfter), command.occurredAt()));
        commissions.forEach((id, commission) -> {
            Money reversal = CommissionPolicy.reversal(commission.amount(), commission.reversed(), amount, refundedAfter);
            if (reversal.isPositive()) {
                apply(new CommissionReversed(command.merchantId(), id, commission.beneficiary(), reversal,
                        command.saleId(), command.refundId(), command.occurredAt()));
            }
        });
    }

    @CommandHandler
    void handle(RefuseRefund command) {
        requestedRefund(command.refundId(), command.occurredAt());
        apply(new RefundRefused(command.merchantId(), command.saleId(), command.refundId(), command.reason(),
                command.occurredAt()));
    }

    /** A refund still waiting for a decision, which cannot come before the request. */
    private Refund requestedRefund(RefundId refundId, Instant decidedAt) {
        Refund refund = refunds.get(refundId);
        if (refund == null) {
            throw RuleViolation.notFound("unknown-refund", "refundId", "no refund " + refundId + " was requested for this sale");
        }
        if (refund.status() != RefundStatus.REQUESTED) {
            throw RuleViolation.conflict("refund-already-decided", "refundId",
                    "refund " + refundId + " was already " + refund.status().name().toLowerCase());
        }
        if (decidedAt.isBefore(refund.requestedAt())) {
            throw RuleViolation.unprocessable("refund-decided-before-request", "occurredAt",
                    "refund " + refundId + " cannot be decided before it was requested (" + refund.requestedAt() + ")");
        }
        return refund;
    }

    private void requireWithinWhatIsLeft(Money requested, String field) {
        if (!requested.currency().equals(amount.currency())) {
            throw RuleViolation.unprocessable("currency-mix", field + ".currency",
                    "the sale is in " + amount.currency() + ", the refund in " + requested.currency());
        }
        Money left = amount.minus(refunded);
        if (requested.isGreaterThan(left)) {
            throw RuleViolation.unprocessable("refund-exceeds-remaining", field,
                    "a refund of " + requested + " is more than the " + left + " left of the sale");
        }
    }

    private void requireNotBeforeSale(Instant at) {
        if (at.isBefore(occurredAt)) {
            throw RuleViolation.unprocessable("refund-before-sale", "occurredAt",
                    "a refund cannot happen before the sale (" + occurredAt + ")");
        }
    }

    @EventSourcingHandler
    void on(SaleRecorded event) {
        streamId = StreamIds.sale(event.merchantId(), event.saleId());
        occurredAt = event.occurredAt();
        amount = event.amount();
        refunded = Money.zero(event.amount().currency());
    }

    @EventSourcingHandler
    void on(CommissionAccrued event) {
        commissions.put(event.commissionId(), new Commission(event.beneficiaryId(), event.amount(),
                Money.zero(event.amount().currency())));
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refunds.put(event.refundId(), new Refund(event.amount(), event.occurredAt(), RefundStatus.REQUESTED));
    }

    @EventSourcingHandler
    void on(RefundIssued event) {
        refunds.computeIfPresent(event.refundId(), (id, r) -> r.decided(RefundStatus.ISSUED));
        refunded = refunded.plus(event.amount());
    }

    @EventSourcingHandler
    void on(RefundRefused event) {
        refunds.computeIfPresent(event.refundId(), (id, r) -> r.decided(RefundStatus.REFUSED));
    }

    @EventSourcingHandler
    void on(CommissionReversed event) {
        commissions.computeIfPresent(event.commissionId(),
                (id, c) -> new Commission(c.beneficiary(), c.amount(), c.reversed().plus(event.amount())));
    }
}
