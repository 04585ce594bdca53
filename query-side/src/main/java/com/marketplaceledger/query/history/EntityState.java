package com.marketplaceledger.query.history;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
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
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRefused;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.SaleRecorded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity's state, folded from its own events in order: what an auditor sees of a merchant,
 * listing, distributor, sale, alert or case at some point of its history. The fold reads only
 * the events, never a read model, so it holds whatever the read models say.
 */
final class EntityState {

    private EntityState() {
    }

    static Map<String, Object> fold(List<LedgerEvent> events) {
        var state = new LinkedHashMap<String, Object>();
        for (LedgerEvent event : events) {
            apply(state, event);
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> state, LedgerEvent event) {
        if (event instanceof MerchantRegistered e) {
            state.put("merchantId", e.merchantId().value());
            state.put("name", e.name());
            state.put("licenceNumber", e.licenceNumber());
            state.put("jurisdiction", e.jurisdiction());
            state.put("registeredAt", e.occurredAt());
        } else if (event instanceof CompensationPlanDeclared e) {
            state.put("planVersion", e.planVersion());
            state.put("plan", e.plan());
        } else if (event instanceof ListingPublished e) {
            state.put("listingId", e.listingId().value());
            state.put("sku", e.sku());
            state.put("title", e.title());
            state.put("kind", e.kind());
            state.put("unitPrice", e.unitPrice());
            state.put("status", "PUBLISHED");
        } else if (event instanceof ListingRepriced e) {
            state.put("unitPrice", e.unitPrice());
        } else if (event instanceof ListingWithdrawn e) {
            state.put("status", "WITHDRAWN");
            state.put("withdrawalReason", e.reason());
        } else if (event instanceof DistributorEnrolled e) {
            state.put("distributorId", e.distributorId().value());
            state.put("sponsorId", e.sponsorId() == null ? null : e.sponsorId().value());
            state.put("upline", e.upline().stream().map(Object::toString).toList());
            state.put("level", e.upline().size() + 1);
            state.put("joiningFeePaid", e.joiningFeePaid());
            state.put("enrolledAt", e.occurredAt());
        } else if (event instanceof SaleRecorded e) {
            state.put("saleId", e.saleId().value());
            state.put("listingId", e.listingId().value());
            state.put("sellerId", e.sellerId() == null ? null : e.sellerId().value());
            state.put("buyer", e.buyer());
            state.put("quantity", e.quantity());
            state.put("amount", e.amount());
            state.put("remaining", e.amount());
            state.put("commissions", new LinkedHashMap<String, Object>());
            state.put("refunds", new LinkedHashMap<String, Object>());
        } else if (event instanceof CommissionAccrued e) {
            var commission = new LinkedHashMap<String, Object>();
            commission.put("beneficiaryId", e.beneficiaryId().value());
            commission.put("level", e.level());
            commission.put("basis", e.basis());
            commission.put("amount", e.amount());
            commission.put("reversed", Money.zero(e.amount().currency()));
            ((Map<String, Object>) state.computeIfAbsent("commissions", k -> new LinkedHashMap<>()))
                    .put(e.commissionId().value(), commission);
        } else if (event instanceof CommissionReversed e) {
            var commissions = (Map<String, Object>) state.computeIfAbsent("commissions", k -> new LinkedHashMap<>());
            var commission = (Map<String, Object>) commissions.get(e.commissionId().value());
            if (commission != null) {
                commission.put("reversed", ((Money) commission.get("reversed")).plus(e.amount()));
            }
        } else if (event instanceof RefundRequested e) {
            refund(state, e.refundId().value()).putAll(Map.of("requested", e.amount(), "status", "REQUESTED",
                    "requestedAt", e.occurredAt()));
        } else if (event instanceof RefundIssued e) {
            refund(state, e.refundId().value()).putAll(Map.of("issued", e.amount(), "status", "ISSUED",
                    "answeredAt", e.occurredAt()));
            state.put("remaining", e.remaining());
        } else if (event instanceof RefundRefused e) {
            refund(state, e.refundId().value()).putAll(Map.of("status", "REFUSED", "reason", e.reason(),
                    "answeredAt", e.occurredAt()));
        } else if (event instanceof AlertRaised e) {
            state.put("alert", e);
        } else if (event instanceof CaseOpened e) {
            state.put("caseId", e.caseId().value());
            state.put("status", "OPEN");
            state.put("alertIds", e.alertIds().stream().map(Object::toString).toList());
            state.put("openedBy", e.openedBy());
            state.put("notes", 0);
        } else if (event instanceof CaseReviewStarted e) {
            state.put("status", "UNDER_REVIEW");
            state.put("reviewedBy", e.by());
        } else if (event instanceof CaseNoteAdded e) {
            state.put("notes", e.noteNumber());
        } else if (event instanceof CaseEscalated e) {
            state.put("status", "ESCALATED");
            state.put("escalatedBy", e.by());
        } else if (event instanceof CaseClosed e) {
            state.put("status", "CLOSED");
            state.put("finding", e.finding());
            state.put("closedBy", e.by());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> refund(Map<String, Object> state, String refundId) {
        var refunds = (Map<String, Object>) state.computeIfAbsent("refunds", k -> new LinkedHashMap<>());
        return (Map<String, Object>) refunds.computeIfAbsent(refundId, k -> new LinkedHashMap<>());
    }
}
