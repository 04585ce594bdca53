package com.marketplaceledger.shared;

import com.marketplaceledger.shared.casework.CaseClosed;
import com.marketplaceledger.shared.casework.CaseEscalated;
import com.marketplaceledger.shared.casework.CaseFinding;
import com.marketplaceledger.shared.casework.CaseId;
import com.marketplaceledger.shared.casework.CaseNoteAdded;
import com.marketplaceledger.shared.casework.CaseOpened;
import com.marketplaceledger.shared.casework.CaseReviewStarted;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.listing.ListingRepriced;
import com.marketplaceledger.shared.listing.ListingWithdrawn;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.oversight.LedgerExported;
import com.marketplaceledger.shared.oversight.ReadModelRebuildStarted;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRefused;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One realistic instance of every event, as a Hangzhou tea merchant's ledger would hold it, each
 * paired with the file under {@code src/test/resources/contract/} that pins its stored JSON.
 * Amounts are in fen (19900 = CNY 199.00). A few events have a second, "variant" sample where the
 * primary one leaves an important shape (a filled upline, a fixed bonus) unexercised.
 */
final class ContractSamples {

    /** A sample event and the name of the contract file that holds its expected JSON. */
    record Sample(String file, Object event) {

        String revision() {
            return revisionOf(event.getClass());
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static final MerchantId MERCHANT = MerchantId.of("M-hz-001");
    static final ListingId LONGJING = ListingId.of("L-tea-0001");
    static final ListingId STARTER = ListingId.of("L-starter-01");
    static final DistributorId ROOT = DistributorId.of("D-0001");
    static final DistributorId SPONSOR = DistributorId.of("D-0003");
    static final DistributorId RECRUIT = DistributorId.of("D-0007");
    static final SaleId RETAIL_SALE = SaleId.of("S-20250318-0042");
    static final RefundId REFUND = RefundId.of("R-0042-1");
    static final RefundId LATE_REFUND = RefundId.of("R-0042-2");
    static final CaseId CASE = CaseId.of("CASE-2025-0017");

    private ContractSamples() {
    }

    static Money cny(long fen) {
        return Money.of(fen, "CNY");
    }

    static String revisionOf(Class<?> eventClass) {
        Revision revision = eventClass.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalStateException(eventClass.getName() + " has no @Revision");
        }
        return revision.value();
    }

    static final List<Sample> ALL = List.of(
            primary(new MerchantRegistered(
                    MERCHANT,
                    "杭州悦享生活科技有限公司",
                    "91330106MA27XK3P4Q",
                    "CN-ZJ",
                    Instant.parse("2025-01-06T01:00:00Z"))),

            primary(new CompensationPlanDeclared(
                    MERCHANT,
                    1,
                    new CompensationPlan(
                            List.of(new LevelRate(1, 2000), new LevelRate(2, 500), new LevelRate(3, 300)),
                            cny(5000),
                            cny(19900),
                            List.of(new LevelRate(2, 3000), new LevelRate(3, 1000)),
                            STARTER,
                            7,
                            9000),
                    Instant.parse("2025-01-06T01:30:00Z"))),

            primary(new ListingPublished(
                    MERCHANT,
                    LONGJING,
                    "SKU-LJ-250G",
                    "西湖龙井 250g 礼盒",
                    cny(19900),
                    ListingKind.PRODUCT,
                    Instant.parse("2025-01-10T02:00:00Z"))),

            primary(new ListingRepriced(
                    MERCHANT,
                    LONGJING,
                    cny(19900),
                    cny(16800),
                    Instant.parse("2025-03-01T00:00:00Z"))),

            primary(new ListingWithdrawn(
                    MERCHANT,
                    LONGJING,
                    "产品停产",
                    Instant.parse("2025-09-30T08:00:00Z"))),

            // a root: recruited by the merchant itself, before any plan was declared
            primary(new DistributorEnrolled(
                    MERCHANT,
                    ROOT,
                    null,
                    List.of(),
                    null,
                    null,
                    Instant.parse("2025-01-05T06:00:00Z"))),

            variant("under-sponsor", new DistributorEnrolled(
                    MERCHANT,
                    RECRUIT,
                    SPONSOR,
                    List.of(SPONSOR, ROOT),
                    cny(19900),
                    1,
                    Instant.parse("2025-02-14T12:20:05.250Z"))),

            // a distributor's retail sale to an end customer outside the network
            primary(new SaleRecorded(
                    MERCHANT,
                    RETAIL_SALE,
                    LONGJING,
                    ListingKind.PRODUCT,
                    RECRUIT,
                    Buyer.endCustomer("C-7f3a9e"),
                    2,
                    cny(16800),
                    cny(33600),
                    1,
                    Instant.parse("2025-03-18T03:15:00Z"))),

            // the merchant sells a starter package directly to a participant: internal consumption
            variant("internal-consumption", new SaleRecorded(
                    MERCHANT,
                    SaleId.of("S-20250214-0007"),
                    STARTER,
                    ListingKind.STARTER_PACKAGE,
                    null,
                    Buyer.participant(RECRUIT),
                    1,
                    cny(99900),
                    cny(99900),
                    1,
                    Instant.parse("2025-02-14T12:25:00Z"))),

            primary(new RefundRequested(
                    MERCHANT,
                    RETAIL_SALE,
                    REFUND,
                    cny(16800),
                    "包装破损",
                    Instant.parse("2025-03-20T04:00:00Z"))),

            primary(new RefundIssued(
                    MERCHANT,
                    RETAIL_SALE,
                    REFUND,
                    cny(16800),
                    cny(16800),
                    Instant.parse("2025-03-21T02:00:00Z"))),

            primary(new RefundRefused(
                    MERCHANT,
                    RETAIL_SALE,
                    LATE_REFUND,
                    "超过7天无理由退货期限",
                    Instant.parse("2025-04-02T02:00:00Z"))),

            // the sponsor's team pay on the recruit's retail sale: 5% of CNY 336.00
            primary(new CommissionAccrued(
                    MERCHANT,
                    CommissionId.onSale(RETAIL_SALE, 2),
                    SPONSOR,
                    2,
                    CommissionBasis.DOWNLINE_SALE,
                    cny(1680),
                    cny(33600),
                    500,
                    1,
                    RETAIL_SALE,
                    null,
                    Instant.parse("2025-03-18T03:15:00Z"))),

            // a fixed recruitment bonus: no base amount, no rate, no sale
            variant("recruitment-bonus", new CommissionAccrued(
                    MERCHANT,
                    CommissionId.onEnrolment(RECRUIT, CommissionBasis.RECRUITMENT, 2),
                    SPONSOR,
                    2,
                    CommissionBasis.RECRUITMENT,
                    cny(5000),
                    null,
                    null,
                    1,
                    null,
                    RECRUIT,
                    Instant.parse("2025-02-14T12:20:05.250Z"))),

            // half of the sale refunded: half of the team pay taken back
            primary(new CommissionReversed(
                    MERCHANT,
                    CommissionId.onSale(RETAIL_SALE, 2),
                    SPONSOR,
                    cny(840),
                    RETAIL_SALE,
                    REFUND,
                    Instant.parse("2025-03-21T02:00:00Z"))),

            // the criminal-scale rule fired on the whole network: 31 people in 4 levels, with entry fees;
            // the reason is a code and its figures, never a sentence
            primary(new AlertRaised(
                    MERCHANT,
                    AlertId.of("A-5c1f0e93b2d47a6e8f10"),
                    "CN-CRIMINAL-SCALE",
                    1,
                    1,
                    Severity.CRITICAL,
                    RuleCategory.PYRAMID_INDICATOR,
                    null,
                    null,
                    LocalDate.parse("2025-03-31"),
                    List.of(new Measurement("people", new BigDecimal("31"), "people", ">=", new BigDecimal("30")),
                            new Measurement("levels", new BigDecimal("4"), "levels", ">=", new BigDecimal("3")),
                            new Measurement("entryPayments", new BigDecimal("30"), "payments", null, null),
                            new Measurement("headcountPayments", new BigDecimal("0"), "payments", null, null)),
                    "rule.CN-CRIMINAL-SCALE.reason",
                    Map.of("people", "31", "levels", "4"),
                    List.of("0b8e5f0c-8f2a-4f57-9d3e-6f1c2a7d9b01", "4d2c7a10-3b6e-4e8f-a1c9-2b7d5e8f0a13"),
                    61,
                    Instant.parse("2025-04-01T00:05:00Z"))),

            // a regulator's case on that alert, from opening to closing with a penalty
            primary(new CaseOpened(
                    MERCHANT,
                    CASE,
                    List.of(AlertId.of("A-5c1f0e93b2d47a6e8f10")),
                    "inspector.wang",
                    "31 participants in 4 levels paying entry fees: check the starter package sales",
                    Instant.parse("2025-04-02T01:30:00Z"))),

            primary(new CaseReviewStarted(
                    MERCHANT,
                    CASE,
                    "inspector.wang",
                    Instant.parse("2025-04-02T06:00:00Z"))),

            primary(new CaseNoteAdded(
                    MERCHANT,
                    CASE,
                    1,
                    "inspector.wang",
                    "D-0003 recruited 12 of the 31; every recruit bought the starter package on joining",
                    Instant.parse("2025-04-03T02:15:00Z"))),

            primary(new CaseEscalated(
                    MERCHANT,
                    CASE,
                    "inspector.wang",
                    "criminal-scale thresholds met: needs the bureau's decision",
                    Instant.parse("2025-04-07T08:00:00Z"))),

            primary(new CaseClosed(
                    MERCHANT,
                    CASE,
                    "director.li",
                    CaseFinding.PENALISED,
                    "entry fees refunded to the 30 recruits, fine imposed, plan withdrawn",
                    Instant.parse("2025-05-20T03:00:00Z"))),

            primary(new ReadModelRebuildStarted(
                    "genealogy",
                    "auditor.zhao",
                    Instant.parse("2025-06-02T08:30:00Z"))),

            primary(new LedgerExported(
                    "merchantId=M-hz-001",
                    "auditor.zhao",
                    Instant.parse("2025-06-02T08:31:00Z"))));

    /**
     * Payloads of earlier revisions, as the event table holds them for ever. They are never
     * edited: the axon module's upcasters read each as today's event (see its upcasting tests).
     */
    static final List<Earlier> EARLIER = List.of(
            // its reason was an English sentence
            new Earlier("AlertRaised.v1.json", AlertRaised.class, "1"));

    /** A stored payload of an earlier revision of {@code type}. */
    record Earlier(String file, Class<?> type, String revision) {

        @Override
        public String toString() {
            return file;
        }
    }

    private static Sample primary(Object event) {
        return new Sample(event.getClass().getSimpleName() + ".v" + revisionOf(event.getClass()) + ".json", event);
    }

    private static Sample variant(String name, Object event) {
        return new Sample(event.getClass().getSimpleName() + ".v" + revisionOf(event.getClass()) + "." + name + ".json",
                event);
    }
}
