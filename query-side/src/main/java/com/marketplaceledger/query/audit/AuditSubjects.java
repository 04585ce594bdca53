package com.marketplaceledger.query.audit;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.casework.CaseClosed;
import com.marketplaceledger.shared.casework.CaseEscalated;
import com.marketplaceledger.shared.casework.CaseNoteAdded;
import com.marketplaceledger.shared.casework.CaseOpened;
import com.marketplaceledger.shared.casework.CaseReviewStarted;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.listing.ListingRepriced;
import com.marketplaceledger.shared.listing.ListingWithdrawn;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.sale.BuyerKind;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRefused;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.SaleRecorded;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whose audit trail an event belongs to. Every event belongs to its merchant; beyond that:
 * <ul>
 *   <li>a distributor: its enrolment, the enrolments it sponsored, the sales it made or bought as a
 *       participant, the commissions it received and their reversals, the commissions paid for
 *       recruiting it;</li>
 *   <li>a listing: its listing events and the sales of it;</li>
 *   <li>a sale: its recording, its refunds, the commissions accrued on it and their reversals;</li>
 *   <li>a refund: its request and decision, and the reversals it caused.</li>
 * </ul>
 * Ids are the merchant's own, so a subject is always read together with the event's merchant.
 */
final class AuditSubjects {

    /** One thing an event concerns. */
    record Subject(EntityType type, String id) {
    }

    private AuditSubjects() {
    }

    static List<Subject> of(LedgerEvent event) {
        var subjects = new Subjects();
        subjects.add(EntityType.MERCHANT, event.merchantId());
        if (event instanceof ListingPublished e) {
            subjects.add(EntityType.LISTING, e.listingId());
        } else if (event instanceof ListingRepriced e) {
            subjects.add(EntityType.LISTING, e.listingId());
        } else if (event instanceof ListingWithdrawn e) {
            subjects.add(EntityType.LISTING, e.listingId());
        } else if (event instanceof DistributorEnrolled e) {
            subjects.add(EntityType.DISTRIBUTOR, e.distributorId());
            subjects.add(EntityType.DISTRIBUTOR, e.sponsorId());
        } else if (event instanceof SaleRecorded e) {
            subjects.add(EntityType.SALE, e.saleId());
            subjects.add(EntityType.LISTING, e.listingId());
            subjects.add(EntityType.DISTRIBUTOR, e.sellerId());
            if (e.buyer() != null && e.buyer().kind() == BuyerKind.PARTICIPANT) {
                subjects.add(EntityType.DISTRIBUTOR, e.buyer().participantId());
            }
        } else if (event instanceof RefundRequested e) {
            subjects.add(EntityType.SALE, e.saleId());
            subjects.add(EntityType.REFUND, e.refundId());
        } else if (event instanceof RefundIssued e) {
            subjects.add(EntityType.SALE, e.saleId());
            subjects.add(EntityType.REFUND, e.refundId());
        } else if (event instanceof RefundRefused e) {
            subjects.add(EntityType.SALE, e.saleId());
            subjects.add(EntityType.REFUND, e.refundId());
        } else if (event instanceof CommissionAccrued e) {
            subjects.add(EntityType.DISTRIBUTOR, e.beneficiaryId());
            subjects.add(EntityType.SALE, e.saleId());
            subjects.add(EntityType.DISTRIBUTOR, e.recruitId());
        } else if (event instanceof CommissionReversed e) {
            subjects.add(EntityType.DISTRIBUTOR, e.beneficiaryId());
            subjects.add(EntityType.SALE, e.saleId());
            subjects.add(EntityType.REFUND, e.refundId());
        } else if (event instanceof AlertRaised e) {
            subjects.add(EntityType.ALERT, e.alertId());
            subjects.add(EntityType.DISTRIBUTOR, e.subtreeRootId());
        } else if (event instanceof CaseOpened e) {
            subjects.add(EntityType.CASE, e.caseId());
            e.alertIds().forEach(alert -> subjects.add(EntityType.ALERT, alert));
        } else if (event instanceof CaseReviewStarted e) {
            subjects.add(EntityType.CASE, e.caseId());
        } else if (event instanceof CaseNoteAdded e) {
            subjects.add(EntityType.CASE, e.caseId());
        } else if (event instanceof CaseEscalated e) {
            subjects.add(EntityType.CASE, e.caseId());
        } else if (event instanceof CaseClosed e) {
            subjects.add(EntityType.CASE, e.caseId());
        }
        // MerchantRegistered, CompensationPlanDeclared and any event type added later: the merchant's only
        return subjects.list();
    }

    /** Insertion-ordered and free of duplicates (a distributor may be both seller and buyer); skips absent ids. */
    private static final class Subjects {

        private final Set<Subject> subjects = new LinkedHashSet<>();

        void add(EntityType type, Object id) {
            if (id != null) {
                subjects.add(new Subject(type, id.toString()));
            }
        }

        List<Subject> list() {
            return List.copyOf(subjects);
        }
    }
}
