package com.marketplaceledger.bench.jmh;

import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.integrity.SealedEvent;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Realistic values of the published language, shaped like what the simulator feeds the command
 * side: a merchant, a seller nine levels deep, a retail sale of three items, an enrolment under that
 * seller (a nine-distributor upline) and a plan with ten sales levels.
 */
final class Fixtures {

    static final MerchantId MERCHANT = MerchantId.of("merchant-hangzhou-01");
    static final Instant AT = Instant.parse("2026-03-14T09:26:53.589Z");
    static final Money UNIT_PRICE = Money.of(39_900, "CNY");

    private Fixtures() {
    }

    /** The chain above the seller {@code D-9-1333} (level 9): its sponsor first, the root last. */
    static List<DistributorId> upline(int depth) {
        List<DistributorId> line = new ArrayList<>(depth);
        for (int level = depth; level >= 1; level--) {
            line.add(DistributorId.of("D-" + level + "-" + (1000 + level * 37)));
        }
        return line;
    }

    static SaleRecorded saleRecorded(int n) {
        return new SaleRecorded(MERCHANT, SaleId.of("S-2026-03-" + n), ListingId.of("L-skin-care-set-7"), ListingKind.PRODUCT,
                DistributorId.of("D-9-1333"), Buyer.endCustomer("cust-8f14e45fceea167a5a36dedd4bea2543"), 3,
                UNIT_PRICE, UNIT_PRICE.times(3), 4, AT.plus(n, ChronoUnit.SECONDS));
    }

    static DistributorEnrolled distributorEnrolled(int n) {
        // sponsored by the seller: the upline is the seller and its eight ancestors
        List<DistributorId> upline = new ArrayList<>();
        upline.add(DistributorId.of("D-9-1333"));
        upline.addAll(upline(8));
        return new DistributorEnrolled(MERCHANT, DistributorId.of("D-10-" + n), DistributorId.of("D-9-1333"), upline,
                Money.of(99_800, "CNY"), 4, AT.plus(n, ChronoUnit.SECONDS));
    }

    static RecordSale recordSale() {
        return new RecordSale(MERCHANT, SaleId.of("S-2026-03-1"), ListingId.of("L-skin-care-set-7"), DistributorId.of("D-9-1333"),
                Buyer.endCustomer("cust-8f14e45fceea167a5a36dedd4bea2543"), 3, AT);
    }

    /** The largest command in common use: a plan with ten sales levels and six joining-fee levels. */
    static DeclareCompensationPlan declarePlan() {
        List<LevelRate> sales = new ArrayList<>();
        for (int level = 1; level <= 10; level++) {
            sales.add(new LevelRate(level, level == 1 ? 2_000 : 1_000 / level));
        }
        List<LevelRate> joining = new ArrayList<>();
        for (int level = 2; level <= 7; level++) {
            joining.add(new LevelRate(level, 1_500 / level));
        }
        var plan = new CompensationPlan(sales, Money.of(5_000, "CNY"), Money.of(99_800, "CNY"), joining,
                ListingId.of("L-starter-pack"), 30, 9_000);
        return new DeclareCompensationPlan(MERCHANT, plan, AT);
    }

    /**
     * {@code count} event rows as the store keeps them: the payload is the event's ledger JSON, the
     * metadata a small JSON object, the time stamp ISO-8601 text. Alternates sales and enrolments.
     */
    static List<SealedEvent> storedRows(int count) {
        var json = LedgerJson.objectMapper();
        List<SealedEvent> rows = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                boolean sale = i % 2 == 0;
                Object event = sale ? saleRecorded(i) : distributorEnrolled(i);
                String stream = sale ? StreamIds.sale(MERCHANT, SaleId.of("S-2026-03-" + i))
                        : StreamIds.distributor(MERCHANT, DistributorId.of("D-10-" + i));
                String metaData = "{\"traceId\":\"" + UUID.nameUUIDFromBytes(("t" + i).getBytes(StandardCharsets.UTF_8))
                        + "\",\"correlationId\":\"" + UUID.nameUUIDFromBytes(("c" + i).getBytes(StandardCharsets.UTF_8))
                        + "\",\"principal\":\"merchant:merchant-hangzhou-01\"}";
                rows.add(new SealedEvent(i + 1, UUID.nameUUIDFromBytes(("e" + i).getBytes(StandardCharsets.UTF_8)).toString(),
                        sale ? "sale" : "distributor", stream, 0, event.getClass().getName(), "1",
                        json.writeValueAsBytes(event), metaData.getBytes(StandardCharsets.UTF_8),
                        AT.plus(i, ChronoUnit.MILLIS).toString()));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
