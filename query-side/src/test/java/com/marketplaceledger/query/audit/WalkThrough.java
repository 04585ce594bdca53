package com.marketplaceledger.query.audit;

import com.marketplaceledger.query.audit.AuditTrailTestSupport.Envelope;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The README's walk-through as the 13 events the command side records for it: a merchant, its
 * two-level plan, the listing L-tea, the chain D-1 → D-2 → D-3, D-3's sale S-1 of two boxes with
 * its two commissions, and the half refund R-1 with its two reversals. The event at index i is
 * recorded {@code i} minutes after {@code recordedFrom}.
 */
final class WalkThrough {

    static final Instant JAN_01 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant JAN_02 = Instant.parse("2026-01-02T00:00:00Z");
    static final Instant JAN_03 = Instant.parse("2026-01-03T00:00:00Z");
    static final Instant JAN_04 = Instant.parse("2026-01-04T00:00:00Z");
    static final Instant JAN_05 = Instant.parse("2026-01-05T00:00:00Z");
    static final Instant JAN_10 = Instant.parse("2026-01-10T00:00:00Z");
    static final Instant JAN_12 = Instant.parse("2026-01-12T00:00:00Z");
    static final Instant JAN_13 = Instant.parse("2026-01-13T00:00:00Z");

    static final ListingId L_TEA = ListingId.of("L-tea");
    static final DistributorId D1 = DistributorId.of("D-1");
    static final DistributorId D2 = DistributorId.of("D-2");
    static final DistributorId D3 = DistributorId.of("D-3");
    static final SaleId S1 = SaleId.of("S-1");
    static final RefundId R1 = RefundId.of("R-1");

    private WalkThrough() {
    }

    static CompensationPlan twoLevelPlan() {
        return new CompensationPlan(List.of(new LevelRate(1, 1000), new LevelRate(2, 500)), null, null, List.of(), null,
                30, 9000);
    }

    static List<Envelope> events(MerchantId m, Instant recordedFrom) {
        String merchant = StreamIds.merchant(m);
        String listing = StreamIds.listing(m, L_TEA);
        String sale = StreamIds.sale(m, S1);
        Money price = cny(19900);
        Money amount = cny(39800);
        var events = List.of(
                new Envelope(merchant, 0, new MerchantRegistered(m, "Hangzhou Tea Co", "91330100MA2XXXXX", "CN", JAN_01), null),
                new Envelope(merchant, 1, new CompensationPlanDeclared(m, 1, twoLevelPlan(), JAN_01), null),
                new Envelope(listing, 0, new ListingPublished(m, L_TEA, "TEA-250", "Longjing tea 250 g", price,
                        ListingKind.PRODUCT, JAN_02), null),
                new Envelope(StreamIds.distributor(m, D1), 0, new DistributorEnrolled(m, D1, null, List.of(), null, 1, JAN_03), null),
                new Envelope(StreamIds.distributor(m, D2), 0, new DistributorEnrolled(m, D2, D1, List.of(D1), null, 1, JAN_04), null),
                new Envelope(StreamIds.distributor(m, D3), 0, new DistributorEnrolled(m, D3, D2, List.of(D2, D1), null, 1, JAN_05), null),
                new Envelope(sale, 0, new SaleRecorded(m, S1, L_TEA, ListingKind.PRODUCT, D3, Buyer.endCustomer("C-9"), 2,
                        price, amount, 1, JAN_10), null),
                new Envelope(sale, 1, new CommissionAccrued(m, CommissionId.onSale(S1, 1), D3, 1, CommissionBasis.OWN_RETAIL_SALE,
                        cny(3980), amount, 1000, 1, S1, null, JAN_10), null),
                new Envelope(sale, 2, new CommissionAccrued(m, CommissionId.onSale(S1, 2), D2, 2, CommissionBasis.DOWNLINE_SALE,
                        cny(1990), amount, 500, 1, S1, null, JAN_10), null),
                new Envelope(sale, 3, new RefundRequested(m, S1, R1, price, "damaged box", JAN_12), null),
                new Envelope(sale, 4, new RefundIssued(m, S1, R1, price, price, JAN_13), null),
                new Envelope(sale, 5, new CommissionReversed(m, CommissionId.onSale(S1, 1), D3, cny(1990), S1, R1, JAN_13), null),
                new Envelope(sale, 6, new CommissionReversed(m, CommissionId.onSale(S1, 2), D2, cny(995), S1, R1, JAN_13), null));
        return java.util.stream.IntStream.range(0, events.size())
                .mapToObj(i -> {
                    Envelope e = events.get(i);
                    return new Envelope(e.stream(), e.sequenceNumber(), e.event(), recordedFrom.plus(Duration.ofMinutes(i)));
                })
                .toList();
    }

    static Money cny(long minorUnits) {
        return Money.of(minorUnits, "CNY");
    }
}
