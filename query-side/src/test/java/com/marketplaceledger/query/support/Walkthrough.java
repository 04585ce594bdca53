package com.marketplaceledger.query.support;

import com.marketplaceledger.shared.Money;
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

import java.time.Instant;
import java.util.List;

/**
 * The README walk-through as the command side records it, for a merchant id of the test's
 * choosing: a two-level plan, D-1 → D-2 → D-3, D-3 sells two boxes of tea (39800 fen) to an end
 * customer, half of it is refunded.
 */
public final class Walkthrough {

    public static final long SALE = 39_800;
    public static final long REFUND = 19_900;

    private Walkthrough() {
    }

    public static long record(LedgerHistory history, String merchant) {
        var m = MerchantId.of(merchant);
        var d1 = DistributorId.of("D-1");
        var d2 = DistributorId.of("D-2");
        var d3 = DistributorId.of("D-3");
        var sale = SaleId.of("S-1");
        var refund = RefundId.of("R-1");
        var price = cny(19_900);
        String saleStream = "sale/" + merchant + "/S-1";
        history.append("merchant/" + merchant, new MerchantRegistered(m, "Hangzhou Tea Co", "91330100MA2XXXXX", "CN",
                at("2026-01-01")));
        history.append("merchant/" + merchant, new CompensationPlanDeclared(m, 1, new CompensationPlan(
                List.of(new LevelRate(1, 1000), new LevelRate(2, 500)), null, null, List.of(), null, 30, 9000),
                at("2026-01-01")));
        history.append("listing/" + merchant + "/L-tea", new ListingPublished(m, ListingId.of("L-tea"), "TEA-250",
                "Longjing tea 250 g", price, ListingKind.PRODUCT, at("2026-01-02")));
        history.append("distributor/" + merchant + "/D-1", new DistributorEnrolled(m, d1, null, List.of(), null, 1,
                at("2026-01-03")));
        history.append("distributor/" + merchant + "/D-2", new DistributorEnrolled(m, d2, d1, List.of(d1), null, 1,
                at("2026-01-04")));
        history.append("distributor/" + merchant + "/D-3", new DistributorEnrolled(m, d3, d2, List.of(d2, d1), null, 1,
                at("2026-01-05")));
        history.append(saleStream, new SaleRecorded(m, sale, ListingId.of("L-tea"), ListingKind.PRODUCT, d3,
                Buyer.endCustomer("C-9"), 2, price, cny(SALE), 1, at("2026-01-10")));
        history.append(saleStream, new CommissionAccrued(m, CommissionId.onSale(sale, 1), d3, 1,
                CommissionBasis.OWN_RETAIL_SALE, cny(3980), cny(SALE), 1000, 1, sale, null, at("2026-01-10")));
        history.append(saleStream, new CommissionAccrued(m, CommissionId.onSale(sale, 2), d2, 2,
                CommissionBasis.DOWNLINE_SALE, cny(1990), cny(SALE), 500, 1, sale, null, at("2026-01-10")));
        history.append(saleStream, new RefundRequested(m, sale, refund, cny(REFUND), "damaged box", at("2026-01-12")));
        history.append(saleStream, new RefundIssued(m, sale, refund, cny(REFUND), cny(SALE - REFUND), at("2026-01-13")));
        history.append(saleStream, new CommissionReversed(m, CommissionId.onSale(sale, 1), d3, cny(1990), sale, refund,
                at("2026-01-13")));
        long last = history.append(saleStream, new CommissionReversed(m, CommissionId.onSale(sale, 2), d2, cny(995), sale,
                refund, at("2026-01-13")));
        history.awaitProcessed(last);
        return last;
    }

    public static Money cny(long fen) {
        return Money.of(fen, "CNY");
    }

    public static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }
}
