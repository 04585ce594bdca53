package com.marketplaceledger.query.audit;

import com.marketplaceledger.query.audit.AuditSubjects.Subject;
import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.casework.CaseClosed;
import com.marketplaceledger.shared.casework.CaseFinding;
import com.marketplaceledger.shared.casework.CaseId;
import com.marketplaceledger.shared.casework.CaseNoteAdded;
import com.marketplaceledger.shared.casework.CaseOpened;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.listing.ListingRepriced;
import com.marketplaceledger.shared.listing.ListingWithdrawn;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRefused;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.marketplaceledger.query.audit.EntityType.ALERT;
import static com.marketplaceledger.query.audit.EntityType.CASE;
import static com.marketplaceledger.query.audit.EntityType.DISTRIBUTOR;
import static com.marketplaceledger.query.audit.EntityType.LISTING;
import static com.marketplaceledger.query.audit.EntityType.MERCHANT;
import static com.marketplaceledger.query.audit.EntityType.REFUND;
import static com.marketplaceledger.query.audit.EntityType.SALE;
import static org.assertj.core.api.Assertions.assertThat;

/** Whose trail each event type belongs to, without a database. */
class AuditSubjectsTest {

    private static final MerchantId M = MerchantId.of("M-1");
    private static final Instant AT = Instant.parse("2026-02-01T00:00:00Z");
    private static final ListingId L = ListingId.of("L-1");
    private static final DistributorId D1 = DistributorId.of("D-1");
    private static final DistributorId D2 = DistributorId.of("D-2");
    private static final DistributorId D3 = DistributorId.of("D-3");
    private static final SaleId S = SaleId.of("S-1");
    private static final RefundId R = RefundId.of("R-1");
    private static final Money PRICE = Money.of(1000, "CNY");

    @Test
    void merchant_events_belong_to_the_merchant_only() {
        assertThat(subjects(new MerchantRegistered(M, "Tea Co", "LIC", "CN", AT))).containsExactly(merchant());
        assertThat(subjects(new CompensationPlanDeclared(M, 1, WalkThrough.twoLevelPlan(), AT))).containsExactly(merchant());
    }

    @Test
    void listing_events_belong_to_the_listing() {
        assertThat(subjects(new ListingPublished(M, L, "SKU", "Tea", PRICE, ListingKind.PRODUCT, AT)))
                .containsExactly(merchant(), new Subject(LISTING, "L-1"));
        assertThat(subjects(new ListingRepriced(M, L, PRICE, Money.of(1200, "CNY"), AT)))
                .containsExactly(merchant(), new Subject(LISTING, "L-1"));
        assertThat(subjects(new ListingWithdrawn(M, L, "sold out", AT)))
                .containsExactly(merchant(), new Subject(LISTING, "L-1"));
    }

    @Test
    void an_enrolment_belongs_to_the_recruit_and_its_sponsor_but_not_the_rest_of_the_upline() {
        assertThat(subjects(new DistributorEnrolled(M, D1, null, List.of(), null, null, AT)))
                .containsExactly(merchant(), new Subject(DISTRIBUTOR, "D-1"));
        assertThat(subjects(new DistributorEnrolled(M, D3, D2, List.of(D2, D1), PRICE, 1, AT)))
                .containsExactly(merchant(), new Subject(DISTRIBUTOR, "D-3"), new Subject(DISTRIBUTOR, "D-2"));
    }

    @Test
    void a_sale_belongs_to_the_sale_its_listing_its_seller_and_a_participant_buyer() {
        assertThat(subjects(sale(D2, Buyer.endCustomer("C-9"))))
                .containsExactly(merchant(), new Subject(SALE, "S-1"), new Subject(LISTING, "L-1"), new Subject(DISTRIBUTOR, "D-2"));
        assertThat(subjects(sale(D2, Buyer.participant(D3))))
                .containsExactly(merchant(), new Subject(SALE, "S-1"), new Subject(LISTING, "L-1"),
                        new Subject(DISTRIBUTOR, "D-2"), new Subject(DISTRIBUTOR, "D-3"));
        // sold by the merchant directly, to one of its distributors
        assertThat(subjects(sale(null, Buyer.participant(D3))))
                .containsExactly(merchant(), new Subject(SALE, "S-1"), new Subject(LISTING, "L-1"), new Subject(DISTRIBUTOR, "D-3"));
        // a distributor buying from itself is one subject, not two
        assertThat(subjects(sale(D3, Buyer.participant(D3))))
                .containsExactly(merchant(), new Subject(SALE, "S-1"), new Subject(LISTING, "L-1"), new Subject(DISTRIBUTOR, "D-3"));
    }

    @Test
    void refund_events_belong_to_the_refund_and_its_sale() {
        var expected = new Subject[]{merchant(), new Subject(SALE, "S-1"), new Subject(REFUND, "R-1")};
        assertThat(subjects(new RefundRequested(M, S, R, PRICE, "damaged", AT))).containsExactly(expected);
        assertThat(subjects(new RefundIssued(M, S, R, PRICE, PRICE, AT))).containsExactly(expected);
        assertThat(subjects(new RefundRefused(M, S, R, "used", AT))).containsExactly(expected);
    }

    @Test
    void a_commission_belongs_to_its_beneficiary_and_its_sale_or_recruit() {
        assertThat(subjects(new CommissionAccrued(M, CommissionId.onSale(S, 2), D2, 2, CommissionBasis.DOWNLINE_SALE,
                Money.of(50, "CNY"), PRICE, 500, 1, S, null, AT)))
                .containsExactly(merchant(), new Subject(DISTRIBUTOR, "D-2"), new Subject(SALE, "S-1"));
        assertThat(subjects(new CommissionAccrued(M, CommissionId.onEnrolment(D3, CommissionBasis.RECRUITMENT, 2), D2, 2,
                CommissionBasis.RECRUITMENT, Money.of(50, "CNY"), null, null, 1, null, D3, AT)))
                .containsExactly(merchant(), new Subject(DISTRIBUTOR, "D-2"), new Subject(DISTRIBUTOR, "D-3"));
    }

    @Test
    void a_reversal_belongs_to_its_beneficiary_its_sale_and_the_refund_that_caused_it() {
        assertThat(subjects(new CommissionReversed(M, CommissionId.onSale(S, 1), D3, Money.of(25, "CNY"), S, R, AT)))
                .containsExactly(merchant(), new Subject(DISTRIBUTOR, "D-3"), new Subject(SALE, "S-1"), new Subject(REFUND, "R-1"));
    }

    private static SaleRecorded sale(DistributorId seller, Buyer buyer) {
        return new SaleRecorded(M, S, L, ListingKind.PRODUCT, seller, buyer, 1, PRICE, PRICE, 1, AT);
    }

    @Test
    void an_alert_belongs_to_itself_and_to_the_root_of_the_subtree_it_judged() {
        var alert = new AlertRaised(M, AlertId.of("A-1"), "CN-TEAM-PAY", 1, 1, Severity.MEDIUM, RuleCategory.COMPLIANCE,
                D1, null, LocalDate.parse("2026-02-01"), List.of(), "rule.CN-TEAM-PAY.reason",
                Map.of("commissions", "1", "amount", "10.00"), List.of(), 0, AT);

        assertThat(subjects(alert)).containsExactly(merchant(), new Subject(ALERT, "A-1"), new Subject(DISTRIBUTOR, "D-1"));
    }

    @Test
    void case_events_belong_to_the_case_and_its_opening_to_each_alert_it_takes_up() {
        var caseId = CaseId.of("CASE-1");

        assertThat(subjects(new CaseOpened(M, caseId, List.of(AlertId.of("A-1"), AlertId.of("A-2")), "li", "fees", AT)))
                .containsExactly(merchant(), new Subject(CASE, "CASE-1"), new Subject(ALERT, "A-1"), new Subject(ALERT, "A-2"));
        assertThat(subjects(new CaseNoteAdded(M, caseId, 1, "li", "called the merchant", AT)))
                .containsExactly(merchant(), new Subject(CASE, "CASE-1"));
        assertThat(subjects(new CaseClosed(M, caseId, "li", CaseFinding.WARNING_ISSUED, "warned", AT)))
                .containsExactly(merchant(), new Subject(CASE, "CASE-1"));
    }

    private static List<Subject> subjects(LedgerEvent event) {
        return AuditSubjects.of(event);
    }

    private static Subject merchant() {
        return new Subject(MERCHANT, "M-1");
    }
}
