package com.marketplaceledger.command.sale;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.RuleViolation.Kind;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRefused;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.marketplaceledger.command.RuleViolationMatcher.violation;
import static org.hamcrest.Matchers.containsString;

/**
 * The sale aggregate: its refunds and the reversal of the commissions it paid. The sale is made of
 * 1001 fen so that proportional reversals round: the seller (level 1, 333 bp) earned 33 fen, its
 * sponsor (level 2, 200 bp) 20 fen and the sponsor's sponsor (level 3, 100 bp) 10 fen.
 */
class SaleTest {

    private static final MerchantId M = MerchantId.of("M-1");
    private static final SaleId SALE = SaleId.of("S-1");
    private static final DistributorId SELLER = DistributorId.of("D-1");
    private static final DistributorId SPONSOR = DistributorId.of("D-2");
    private static final DistributorId ROOT = DistributorId.of("D-3");
    private static final RefundId R1 = RefundId.of("R-1");
    private static final RefundId R2 = RefundId.of("R-2");

    private static final Instant SOLD_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant REQUESTED_AT = Instant.parse("2025-03-05T10:00:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2025-03-07T10:00:00Z");
    private static final Instant LATER = Instant.parse("2025-03-09T10:00:00Z");
    private static final Instant LATER_STILL = Instant.parse("2025-03-11T10:00:00Z");

    private static final SaleRecorded SOLD = new SaleRecorded(M, SALE, ListingId.of("L-1"), ListingKind.PRODUCT,
            SELLER, Buyer.endCustomer("C-42"), 1, cny(1001), cny(1001), 1, SOLD_AT);

    private static final CommissionId L1 = CommissionId.onSale(SALE, 1);
    private static final CommissionId L2 = CommissionId.onSale(SALE, 2);
    private static final CommissionId L3 = CommissionId.onSale(SALE, 3);

    private static final List<CommissionAccrued> ACCRUED = List.of(
            accrued(L1, SELLER, 1, CommissionBasis.OWN_RETAIL_SALE, 33, 333),
            accrued(L2, SPONSOR, 2, CommissionBasis.DOWNLINE_SALE, 20, 200),
            accrued(L3, ROOT, 3, CommissionBasis.DOWNLINE_SALE, 10, 100));

    private AggregateTestFixture<Sale> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Sale.class);
    }

    // --- requesting a refund ---------------------------------------------------------------

    @Test
    void a_refund_may_be_requested_for_up_to_the_whole_sale() {
        fixture.given(sold())
                .when(new RequestRefund(M, SALE, R1, cny(1001), "damaged", REQUESTED_AT))
                .expectEvents(new RefundRequested(M, SALE, R1, cny(1001), "damaged", REQUESTED_AT));
    }

    @Test
    void refund_above_what_is_left_of_the_sale_is_refused() {
        fixture.given(sold())
                .when(new RequestRefund(M, SALE, R1, cny(1002), "damaged", REQUESTED_AT))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violation(Kind.UNPROCESSABLE, "refund-exceeds-remaining", "amount"))
                .expectExceptionMessage("a refund of 1002 CNY is more than the 1001 CNY left of the sale");
    }

    @Test
    void refund_request_above_what_is_left_after_an_earlier_refund_is_refused() {
        fixture.given(sold(requested(R1, 600), issued(R1, 600, 401),
                        reversed(L1, SELLER, 19, R1), reversed(L2, SPONSOR, 11, R1), reversed(L3, ROOT, 5, R1)))
                .when(new RequestRefund(M, SALE, R2, cny(402), "rest", LATER))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "refund-exceeds-remaining", "amount"))
                .expectExceptionMessage(containsString("401 CNY left"));
    }

    @Test
    void refund_request_for_exactly_what_is_left_after_an_earlier_refund_is_accepted() {
        fixture.given(sold(requested(R1, 600), issued(R1, 600, 401),
                        reversed(L1, SELLER, 19, R1), reversed(L2, SPONSOR, 11, R1), reversed(L3, ROOT, 5, R1)))
                .when(new RequestRefund(M, SALE, R2, cny(401), "rest", LATER))
                .expectEvents(new RefundRequested(M, SALE, R2, cny(401), "rest", LATER));
    }

    @Test
    void a_refund_id_is_used_once_per_sale() {
        fixture.given(sold(requested(R1, 500)))
                .when(new RequestRefund(M, SALE, R1, cny(100), "again", LATER))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "refund-already-requested", "refundId"));
    }

    @Test
    void a_refused_refund_id_cannot_be_requested_again() {
        fixture.given(sold(requested(R1, 500), new RefundRefused(M, SALE, R1, "outside the window", DECIDED_AT)))
                .when(new RequestRefund(M, SALE, R1, cny(500), "please", LATER))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "refund-already-requested", "refundId"));
    }

    @Test
    void refund_in_another_currency_than_the_sale_is_refused() {
        fixture.given(sold())
                .when(new RequestRefund(M, SALE, R1, Money.of(100, "USD"), "damaged", REQUESTED_AT))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "currency-mix", "amount.currency"))
                .expectExceptionMessage("the sale is in CNY, the refund in USD");
    }

    @Test
    void refund_requested_before_the_sale_is_refused() {
        fixture.given(sold())
                .when(new RequestRefund(M, SALE, R1, cny(100), "damaged", SOLD_AT.minusSeconds(1)))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "refund-before-sale", "occurredAt"));
    }

    @Test
    void refund_requested_at_the_moment_of_the_sale_is_accepted() {
        fixture.given(sold())
                .when(new RequestRefund(M, SALE, R1, cny(100), null, SOLD_AT))
                .expectEvents(new RefundRequested(M, SALE, R1, cny(100), null, SOLD_AT));
    }

    // --- issuing a refund ------------------------------------------------------------------

    @Test
    void a_full_refund_reverses_exactly_every_commission_the_sale_paid() {
        fixture.given(sold(requested(R1, 1001)))
                .when(new IssueRefund(M, SALE, R1, cny(1001), DECIDED_AT))
                .expectEvents(new RefundIssued(M, SALE, R1, cny(1001), cny(0), DECIDED_AT),
                        new CommissionReversed(M, L1, SELLER, cny(33), SALE, R1, DECIDED_AT),
                        new CommissionReversed(M, L2, SPONSOR, cny(20), SALE, R1, DECIDED_AT),
                        new CommissionReversed(M, L3, ROOT, cny(10), SALE, R1, DECIDED_AT));
    }

    @Test
    void a_partial_refund_reverses_each_commission_in_proportion_rounded_down() {
        // 33 * 500 / 1001 = 16.48, 20 * 500 / 1001 = 9.99, 10 * 500 / 1001 = 4.99
        fixture.given(sold(requested(R1, 500)))
                .when(new IssueRefund(M, SALE, R1, cny(500), DECIDED_AT))
                .expectEvents(new RefundIssued(M, SALE, R1, cny(500), cny(501), DECIDED_AT),
                        new CommissionReversed(M, L1, SELLER, cny(16), SALE, R1, DECIDED_AT),
                        new CommissionReversed(M, L2, SPONSOR, cny(9), SALE, R1, DECIDED_AT),
                        new CommissionReversed(M, L3, ROOT, cny(4), SALE, R1, DECIDED_AT));
    }

    @Test
    void two_partial_refunds_reverse_together_exactly_what_the_commissions_paid() {
        // after 500 of 1001: 16 + 9 + 4 taken back; the rest of the sale takes back 17 + 11 + 6
        fixture.given(sold(requested(R1, 500), issued(R1, 500, 501),
                        reversed(L1, SELLER, 16, R1), reversed(L2, SPONSOR, 9, R1), reversed(L3, ROOT, 4, R1),
                        requested(R2, 501)))
                .when(new IssueRefund(M, SALE, R2, cny(501), LATER))
                .expectEvents(new RefundIssued(M, SALE, R2, cny(501), cny(0), LATER),
                        new CommissionReversed(M, L1, SELLER, cny(17), SALE, R2, LATER),
                        new CommissionReversed(M, L2, SPONSOR, cny(11), SALE, R2, LATER),
                        new CommissionReversed(M, L3, ROOT, cny(6), SALE, R2, LATER));
    }

    @Test
    void a_refund_too_small_to_take_back_a_whole_fen_of_commission_reverses_nothing() {
        fixture.given(sold(requested(R1, 30)))
                .when(new IssueRefund(M, SALE, R1, cny(30), DECIDED_AT))
                // 33 * 30 / 1001 = 0.98, 20 * 30 / 1001 = 0.59, 10 * 30 / 1001 = 0.29
                .expectEvents(new RefundIssued(M, SALE, R1, cny(30), cny(971), DECIDED_AT));
    }

    @Test
    void what_small_refunds_did_not_take_back_is_taken_back_by_the_refund_that_completes_the_sale() {
        fixture.given(sold(requested(R1, 30), issued(R1, 30, 971), requested(R2, 971)))
                .when(new IssueRefund(M, SALE, R2, cny(971), LATER))
                .expectEvents(new RefundIssued(M, SALE, R2, cny(971), cny(0), LATER),
                        new CommissionReversed(M, L1, SELLER, cny(33), SALE, R2, LATER),
                        new CommissionReversed(M, L2, SPONSOR, cny(20), SALE, R2, LATER),
                        new CommissionReversed(M, L3, ROOT, cny(10), SALE, R2, LATER));
    }

    @Test
    void a_refund_of_a_sale_that_paid_no_commission_reverses_nothing() {
        var direct = new SaleRecorded(M, SALE, ListingId.of("L-1"), ListingKind.PRODUCT, null,
                Buyer.endCustomer("C-42"), 2, cny(5_000), cny(10_000), null, SOLD_AT);
        fixture.given(direct, new RefundRequested(M, SALE, R1, cny(10_000), "damaged", REQUESTED_AT))
                .when(new IssueRefund(M, SALE, R1, null, DECIDED_AT))
                .expectEvents(new RefundIssued(M, SALE, R1, cny(10_000), cny(0), DECIDED_AT));
    }

    @Test
    void an_issued_refund_defaults_to_the_amount_requested() {
        fixture.given(sold(requested(R1, 1001)))
                .when(new IssueRefund(M, SALE, R1, null, DECIDED_AT))
                .expectEvents(new RefundIssued(M, SALE, R1, cny(1001), cny(0), DECIDED_AT),
                        new CommissionReversed(M, L1, SELLER, cny(33), SALE, R1, DECIDED_AT),
                        new CommissionReversed(M, L2, SPONSOR, cny(20), SALE, R1, DECIDED_AT),
                        new CommissionReversed(M, L3, ROOT, cny(10), SALE, R1, DECIDED_AT));
    }

    @Test
    void a_refund_may_be_issued_for_less_than_was_requested() {
        fixture.given(sold(requested(R1, 1001)))
                .when(new IssueRefund(M, SALE, R1, cny(500), DECIDED_AT))
                .expectEvents(new RefundIssued(M, SALE, R1, cny(500), cny(501), DECIDED_AT),
                        new CommissionReversed(M, L1, SELLER, cny(16), SALE, R1, DECIDED_AT),
                        new CommissionReversed(M, L2, SPONSOR, cny(9), SALE, R1, DECIDED_AT),
                        new CommissionReversed(M, L3, ROOT, cny(4), SALE, R1, DECIDED_AT));
    }

    @Test
    void issuing_more_than_was_requested_is_refused() {
        fixture.given(sold(requested(R1, 500)))
                .when(new IssueRefund(M, SALE, R1, cny(501), DECIDED_AT))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "refund-above-request", "amount"))
                .expectExceptionMessage("refund R-1 was requested for 500 CNY, not 501 CNY");
    }

    @Test
    void issuing_a_refund_in_another_currency_is_refused() {
        fixture.given(sold(requested(R1, 500)))
                .when(new IssueRefund(M, SALE, R1, Money.of(500, "USD"), DECIDED_AT))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "currency-mix", "amount.currency"));
    }

    @Test
    void issuing_a_refund_beyond_what_earlier_refunds_left_is_refused() {
        // both requests fitted when made; the first one paid leaves too little for the second
        fixture.given(sold(requested(R1, 600), requested(R2, 600), issued(R1, 600, 401),
                        reversed(L1, SELLER, 19, R1), reversed(L2, SPONSOR, 11, R1), reversed(L3, ROOT, 5, R1)))
                .when(new IssueRefund(M, SALE, R2, null, LATER))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "refund-exceeds-remaining", "amount"));
    }

    @Test
    void refund_issued_before_it_was_requested_is_refused() {
        // after the sale, but before the request: a decision cannot precede what it decides
        fixture.given(sold(requested(R1, 500)))
                .when(new IssueRefund(M, SALE, R1, null, REQUESTED_AT.minusSeconds(60)))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "refund-decided-before-request", "occurredAt"));
    }

    @Test
    void issuing_an_unknown_refund_is_refused_as_not_found() {
        fixture.given(sold(requested(R1, 500)))
                .when(new IssueRefund(M, SALE, R2, null, DECIDED_AT))
                .expectNoEvents()
                .expectException(violation(Kind.NOT_FOUND, "unknown-refund", "refundId"))
                .expectExceptionMessage("no refund R-2 was requested for this sale");
    }

    @Test
    void an_issued_refund_cannot_be_issued_again() {
        fixture.given(sold(requested(R1, 500), issued(R1, 500, 501),
                        reversed(L1, SELLER, 16, R1), reversed(L2, SPONSOR, 9, R1), reversed(L3, ROOT, 4, R1)))
                .when(new IssueRefund(M, SALE, R1, null, LATER))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "refund-already-decided", "refundId"))
                .expectExceptionMessage("refund R-1 was already issued");
    }

    @Test
    void a_refused_refund_cannot_be_issued() {
        fixture.given(sold(requested(R1, 500), new RefundRefused(M, SALE, R1, "outside the window", DECIDED_AT)))
                .when(new IssueRefund(M, SALE, R1, null, LATER))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "refund-already-decided", "refundId"))
                .expectExceptionMessage("refund R-1 was already refused");
    }

    // --- refusing a refund -----------------------------------------------------------------

    @Test
    void refusing_a_requested_refund_records_the_reason_and_reverses_nothing() {
        fixture.given(sold(requested(R1, 500)))
                .when(new RefuseRefund(M, SALE, R1, "outside the refund window", DECIDED_AT))
                .expectEvents(new RefundRefused(M, SALE, R1, "outside the refund window", DECIDED_AT));
    }

    @Test
    void refusing_an_unknown_refund_is_refused_as_not_found() {
        fixture.given(sold())
                .when(new RefuseRefund(M, SALE, R1, "no such thing", DECIDED_AT))
                .expectNoEvents()
                .expectException(violation(Kind.NOT_FOUND, "unknown-refund", "refundId"));
    }

    @Test
    void a_refused_refund_cannot_be_refused_again() {
        fixture.given(sold(requested(R1, 500), new RefundRefused(M, SALE, R1, "outside the window", DECIDED_AT)))
                .when(new RefuseRefund(M, SALE, R1, "still outside the window", LATER))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "refund-already-decided", "refundId"));
    }

    @Test
    void an_issued_refund_cannot_be_refused_afterwards() {
        fixture.given(sold(requested(R1, 1001), issued(R1, 1001, 0),
                        reversed(L1, SELLER, 33, R1), reversed(L2, SPONSOR, 20, R1), reversed(L3, ROOT, 10, R1)))
                .when(new RefuseRefund(M, SALE, R1, "changed our mind", LATER_STILL))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "refund-already-decided", "refundId"));
    }

    @Test
    void refund_refused_with_a_time_before_its_request_is_refused() {
        fixture.given(sold(requested(R1, 500)))
                .when(new RefuseRefund(M, SALE, R1, "outside the window", REQUESTED_AT.minusSeconds(1)))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "refund-decided-before-request", "occurredAt"));
    }

    @Test
    void a_refused_refund_leaves_the_whole_sale_refundable() {
        fixture.given(sold(requested(R1, 1001), new RefundRefused(M, SALE, R1, "no receipt", DECIDED_AT),
                        requested(R2, 1001)))
                .when(new IssueRefund(M, SALE, R2, null, LATER))
                .expectEvents(new RefundIssued(M, SALE, R2, cny(1001), cny(0), LATER),
                        new CommissionReversed(M, L1, SELLER, cny(33), SALE, R2, LATER),
                        new CommissionReversed(M, L2, SPONSOR, cny(20), SALE, R2, LATER),
                        new CommissionReversed(M, L3, ROOT, cny(10), SALE, R2, LATER));
    }

    // --- helpers ---------------------------------------------------------------------------

    /** The sale and the commissions it accrued, followed by what happened to it since. */
    private static Object[] sold(Object... since) {
        var events = new ArrayList<Object>();
        events.add(SOLD);
        events.addAll(ACCRUED);
        events.addAll(List.of(since));
        return events.toArray();
    }

    private static RefundRequested requested(RefundId refund, long amount) {
        return new RefundRequested(M, SALE, refund, cny(amount), "damaged", REQUESTED_AT);
    }

    private static RefundIssued issued(RefundId refund, long amount, long remaining) {
        return new RefundIssued(M, SALE, refund, cny(amount), cny(remaining), DECIDED_AT);
    }

    private static CommissionReversed reversed(CommissionId commission, DistributorId beneficiary, long amount,
                                               RefundId refund) {
        return new CommissionReversed(M, commission, beneficiary, cny(amount), SALE, refund, DECIDED_AT);
    }

    private static CommissionAccrued accrued(CommissionId id, DistributorId beneficiary, int level,
                                             CommissionBasis basis, long amount, int basisPoints) {
        return new CommissionAccrued(M, id, beneficiary, level, basis, cny(amount), cny(1001), basisPoints, 1,
                SALE, null, SOLD_AT);
    }

    private static Money cny(long minorUnits) {
        return Money.of(minorUnits, "CNY");
    }
}
