package com.marketplaceledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.command.support.ApiResponse;
import com.marketplaceledger.command.support.EventTable;
import com.marketplaceledger.command.support.EventTable.StoredEvent;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.Requests;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The README walk-through through REST: register, declare a two-level plan, publish a listing,
 * enrol D-1 -> D-2 -> D-3, sell 2 x 19900 fen through D-3 and refund half of it. Then the event
 * table, read straight with JDBC, must hold exactly the events the walk-through implies.
 */
class WalkthroughIntegrationTest extends LedgerApiTestBase {

    private static final String MONEY_TYPE_MESSAGE = "money must be stored as a JSON integer of minor units";

    /** What one command answered and the events it appended. */
    private record Step(ApiResponse response, List<StoredEvent> events) {
    }

    private final List<Step> steps = new ArrayList<>();

    @Test
    void theWalkThroughStoresExactlyTheEventsItImpliesWithCommissionsAndReversals() {
        Instant started = Instant.now();
        String m = newMerchantId("M-hz");
        String merchant = "/merchants/" + m;

        step(() -> post("/merchants", Requests.registerMerchant(m)));
        step(() -> post(merchant + "/plans", Requests.declarePlan()));
        step(() -> post(merchant + "/listings", Requests.publishListing("L-tea")));
        step(() -> post(merchant + "/distributors", Requests.enrol("D-1", null)));
        step(() -> post(merchant + "/distributors", Requests.enrol("D-2", "D-1")));
        step(() -> post(merchant + "/distributors", Requests.enrol("D-3", "D-2")));
        step(() -> post(merchant + "/sales", Requests.retailSale("S-1", "L-tea", "D-3")));
        step(() -> post(merchant + "/sales/S-1/refunds", Requests.requestRefund("R-1", 19900)));
        step(() -> post(merchant + "/sales/S-1/refunds/R-1/issue", Requests.issueRefund()));

        String merchantStream = "merchant/" + m;
        String listingStream = "listing/" + m + "/L-tea";
        String saleStream = "sale/" + m + "/S-1";

        // each command: 201 for creations, 200 for actions on an existing resource; its stream; and the
        // position of the last event it appended, which is that event's global index
        assertThat(steps).extracting(s -> s.response().status(), s -> s.response().stream())
                .containsExactly(
                        tuple(201, merchantStream),
                        tuple(201, merchantStream),
                        tuple(201, listingStream),
                        tuple(201, "distributor/" + m + "/D-1"),
                        tuple(201, "distributor/" + m + "/D-2"),
                        tuple(201, "distributor/" + m + "/D-3"),
                        tuple(201, saleStream),
                        tuple(201, saleStream),
                        tuple(200, saleStream));
        for (Step step : steps) {
            assertThat(step.events()).as("events appended by %s", step.response()).isNotEmpty();
            assertThat(step.response().position()).as("position answered by %s", step.response())
                    .isEqualTo(step.events().get(step.events().size() - 1).globalIndex());
        }
        assertThat(steps).extracting(s -> s.events().stream().map(StoredEvent::simpleType).toList())
                .containsExactly(
                        List.of("MerchantRegistered"),
                        List.of("CompensationPlanDeclared"),
                        List.of("ListingPublished"),
                        List.of("DistributorEnrolled"),
                        List.of("DistributorEnrolled"),
                        List.of("DistributorEnrolled"),
                        List.of("SaleRecorded", "CommissionAccrued", "CommissionAccrued"),
                        List.of("RefundRequested"),
                        List.of("RefundIssued", "CommissionReversed", "CommissionReversed"));

        // the whole merchant history, straight from the table, in global order
        List<StoredEvent> stored = EventTable.ofMerchant(m);
        assertThat(stored).as("the walk-through's events and nothing else")
                .containsExactlyElementsOf(steps.stream().flatMap(s -> s.events().stream()).toList());
        assertThat(stored).extracting(StoredEvent::stream, StoredEvent::sequenceNumber, StoredEvent::aggregateType,
                        StoredEvent::payloadType, StoredEvent::payloadRevision)
                .containsExactly(
                        tuple(merchantStream, 0L, "Merchant", "com.marketplaceledger.shared.merchant.MerchantRegistered", "1"),
                        tuple(merchantStream, 1L, "Merchant", "com.marketplaceledger.shared.merchant.CompensationPlanDeclared", "1"),
                        tuple(listingStream, 0L, "Listing", "com.marketplaceledger.shared.listing.ListingPublished", "1"),
                        tuple("distributor/" + m + "/D-1", 0L, "Distributor", "com.marketplaceledger.shared.referral.DistributorEnrolled", "1"),
                        tuple("distributor/" + m + "/D-2", 0L, "Distributor", "com.marketplaceledger.shared.referral.DistributorEnrolled", "1"),
                        tuple("distributor/" + m + "/D-3", 0L, "Distributor", "com.marketplaceledger.shared.referral.DistributorEnrolled", "1"),
                        tuple(saleStream, 0L, "Sale", "com.marketplaceledger.shared.sale.SaleRecorded", "1"),
                        tuple(saleStream, 1L, "Sale", "com.marketplaceledger.shared.commission.CommissionAccrued", "1"),
                        tuple(saleStream, 2L, "Sale", "com.marketplaceledger.shared.commission.CommissionAccrued", "1"),
                        tuple(saleStream, 3L, "Sale", "com.marketplaceledger.shared.sale.RefundRequested", "1"),
                        tuple(saleStream, 4L, "Sale", "com.marketplaceledger.shared.sale.RefundIssued", "1"),
                        tuple(saleStream, 5L, "Sale", "com.marketplaceledger.shared.commission.CommissionReversed", "1"),
                        tuple(saleStream, 6L, "Sale", "com.marketplaceledger.shared.commission.CommissionReversed", "1"));
        assertThat(stored).extracting(StoredEvent::globalIndex).isSorted().doesNotHaveDuplicates();
        assertThat(stored).extracting(StoredEvent::eventIdentifier).doesNotHaveDuplicates();
        for (StoredEvent event : stored) {
            assertThat(event.payload().path("merchantId").asText()).as("%s", event).isEqualTo(m);
            // two times: business time in the payload, recording time beside it
            assertThat(event.payload().path("occurredAt").asText()).as("%s", event).startsWith("2026-01-");
            assertThat(Instant.parse(event.timeStamp())).as("recording time of %s", event)
                    .isBetween(started.minusSeconds(5), Instant.now().plusSeconds(5));
        }

        JsonNode registered = stored.get(0).payload();
        assertThat(registered.path("name").asText()).isEqualTo("Hangzhou Tea Co");
        assertThat(registered.path("licenceNumber").asText()).isEqualTo("91330100MA2XXXXX");
        assertThat(registered.path("jurisdiction").asText()).isEqualTo("CN");
        assertThat(registered.path("occurredAt").asText()).isEqualTo("2026-01-01T00:00:00Z");

        JsonNode plan = stored.get(1).payload();
        assertThat(plan.path("planVersion").asInt()).isEqualTo(1);
        assertThat(plan.path("plan").path("salesRates").toString())
                .isEqualTo("[{\"level\":1,\"basisPoints\":1000},{\"level\":2,\"basisPoints\":500}]");
        assertThat(plan.path("plan").path("refundWindowDays").asInt()).isEqualTo(30);
        assertThat(plan.path("plan").path("buybackBasisPoints").asInt()).isEqualTo(9000);

        JsonNode listing = stored.get(2).payload();
        assertThat(listing.path("listingId").asText()).isEqualTo("L-tea");
        assertThat(listing.path("sku").asText()).isEqualTo("TEA-1");
        assertThat(listing.path("kind").asText()).isEqualTo("PRODUCT");
        assertMoney(stored.get(2), listing.path("unitPrice"), 19900);
        assertThat(stored.get(2).payloadText()).contains("\"minorUnits\":19900");

        assertThat(stored.subList(3, 6)).extracting(
                        e -> e.payload().path("distributorId").asText(),
                        e -> e.payload().path("sponsorId").isNull() || e.payload().path("sponsorId").isMissingNode()
                                ? null : e.payload().path("sponsorId").asText(),
                        e -> e.payload().path("upline").toString(),
                        e -> e.payload().path("planVersion").asInt())
                .containsExactly(
                        tuple("D-1", null, "[]", 1),
                        tuple("D-2", "D-1", "[\"D-1\"]", 1),
                        tuple("D-3", "D-2", "[\"D-2\",\"D-1\"]", 1));

        StoredEvent saleRecorded = stored.get(6);
        JsonNode sale = saleRecorded.payload();
        assertThat(sale.path("saleId").asText()).isEqualTo("S-1");
        assertThat(sale.path("listingId").asText()).isEqualTo("L-tea");
        assertThat(sale.path("listingKind").asText()).isEqualTo("PRODUCT");
        assertThat(sale.path("sellerId").asText()).isEqualTo("D-3");
        assertThat(sale.path("buyer").path("kind").asText()).isEqualTo("END_CUSTOMER");
        assertThat(sale.path("buyer").path("customerRef").asText()).isEqualTo("C-9");
        assertThat(sale.path("quantity").isInt()).isTrue();
        assertThat(sale.path("quantity").asInt()).isEqualTo(2);
        assertThat(sale.path("planVersion").asInt()).isEqualTo(1);
        assertMoney(saleRecorded, sale.path("unitPrice"), 19900);
        assertMoney(saleRecorded, sale.path("amount"), 39800);
        assertThat(saleRecorded.payloadText()).contains("\"minorUnits\":39800");

        // commissions: 10% of 39800 to D-3 (own retail sale, level 1), 5% to D-2 (downline sale, level 2)
        assertThat(stored.subList(7, 9)).extracting(
                        e -> e.payload().path("commissionId").asText(),
                        e -> e.payload().path("beneficiaryId").asText(),
                        e -> e.payload().path("level").asInt(),
                        e -> e.payload().path("basis").asText(),
                        e -> e.payload().path("amount").path("minorUnits").asLong(),
                        e -> e.payload().path("baseAmount").path("minorUnits").asLong(),
                        e -> e.payload().path("basisPoints").asInt(),
                        e -> e.payload().path("planVersion").asInt(),
                        e -> e.payload().path("saleId").asText())
                .containsExactly(
                        tuple("sale.S-1.L1", "D-3", 1, "OWN_RETAIL_SALE", 3980L, 39800L, 1000, 1, "S-1"),
                        tuple("sale.S-1.L2", "D-2", 2, "DOWNLINE_SALE", 1990L, 39800L, 500, 1, "S-1"));
        assertMoney(stored.get(7), stored.get(7).payload().path("amount"), 3980);
        assertMoney(stored.get(8), stored.get(8).payload().path("amount"), 1990);
        assertThat(stored.get(7).payloadText()).contains("\"minorUnits\":3980");
        assertThat(stored.get(8).payloadText()).contains("\"minorUnits\":1990");

        JsonNode refundRequested = stored.get(9).payload();
        assertThat(refundRequested.path("refundId").asText()).isEqualTo("R-1");
        assertThat(refundRequested.path("reason").asText()).isEqualTo("damaged");
        assertMoney(stored.get(9), refundRequested.path("amount"), 19900);

        JsonNode refundIssued = stored.get(10).payload();
        assertThat(refundIssued.path("refundId").asText()).isEqualTo("R-1");
        assertThat(refundIssued.path("occurredAt").asText()).isEqualTo("2026-01-13T00:00:00Z");
        assertMoney(stored.get(10), refundIssued.path("amount"), 19900);
        assertMoney(stored.get(10), refundIssued.path("remaining"), 19900);

        // half of the sale refunded: half of each commission reversed, to the same beneficiaries
        assertThat(stored.subList(11, 13)).extracting(
                        e -> e.payload().path("commissionId").asText(),
                        e -> e.payload().path("beneficiaryId").asText(),
                        e -> e.payload().path("amount").path("minorUnits").asLong(),
                        e -> e.payload().path("saleId").asText(),
                        e -> e.payload().path("refundId").asText())
                .containsExactly(
                        tuple("sale.S-1.L1", "D-3", 1990L, "S-1", "R-1"),
                        tuple("sale.S-1.L2", "D-2", 995L, "S-1", "R-1"));
        assertMoney(stored.get(11), stored.get(11).payload().path("amount"), 1990);
        assertMoney(stored.get(12), stored.get(12).payload().path("amount"), 995);
        assertThat(stored.get(12).payloadText()).contains("\"minorUnits\":995");

        // no floating-point number anywhere in the stored history
        for (StoredEvent event : stored) {
            assertThat(event.payloadText()).as("%s", event).doesNotContainPattern("\\d\\.\\d");
        }
    }

    @Test
    void refundingTheRestOfTheSaleReversesExactlyWhatWasPaid() {
        Network network = networkWithSale("M-full");
        assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 19900)));
        assertAccepted(post(network.sale() + "/refunds/R-1/issue", Requests.issueRefund()));
        assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-2", 19900)));
        assertAccepted(post(network.sale() + "/refunds/R-2/issue", Requests.issueRefund()));

        List<StoredEvent> sale = EventTable.ofStream("sale/" + network.merchantId() + "/S-1");
        var reversedByBeneficiary = new java.util.TreeMap<String, Long>();
        sale.stream().filter(e -> e.simpleType().equals("CommissionReversed"))
                .forEach(e -> reversedByBeneficiary.merge(e.payload().path("beneficiaryId").asText(),
                        e.payload().path("amount").path("minorUnits").asLong(), Long::sum));
        assertThat(reversedByBeneficiary).containsExactly(
                java.util.Map.entry("D-2", 1990L), java.util.Map.entry("D-3", 3980L));
        assertThat(sale).filteredOn(e -> e.simpleType().equals("RefundIssued"))
                .extracting(e -> e.payload().path("remaining").path("minorUnits").asLong())
                .containsExactly(19900L, 0L);

        // nothing is left of the sale: a further refund is refused, and nothing is recorded
        long before = EventTable.count();
        assertProblem(post(network.sale() + "/refunds", Requests.requestRefund("R-3", 1)),
                422, "refund-exceeds-remaining", "amount");
        assertThat(EventTable.count()).isEqualTo(before);
    }

    @Test
    void aLargeSaleIsRefundedWithExactReversals() {
        Network network = networkWithSale("M-large");
        // 4 * 10^15 fen: 10% is 4 * 10^14; reversing a quarter multiplies far beyond a long on the way
        assertAccepted(post(network.merchant() + "/listings", Requests.publishListing("L-large", "4000000000000000", "CNY")));
        assertAccepted(post(network.merchant() + "/sales", Requests.retailSale("S-large", "L-large", "D-3", "1")));
        assertAccepted(post(network.merchant() + "/sales/S-large/refunds", Requests.requestRefund("R-1", 1_000_000_000_000_000L)));
        assertAccepted(post(network.merchant() + "/sales/S-large/refunds/R-1/issue", Requests.issueRefund()));

        List<StoredEvent> sale = EventTable.ofStream("sale/" + network.merchantId() + "/S-large");
        assertThat(sale).extracting(StoredEvent::simpleType, e -> e.payload().path("amount").path("minorUnits").asLong())
                .containsExactly(
                        tuple("SaleRecorded", 4_000_000_000_000_000L),
                        tuple("CommissionAccrued", 400_000_000_000_000L),
                        tuple("CommissionAccrued", 200_000_000_000_000L),
                        tuple("RefundRequested", 1_000_000_000_000_000L),
                        tuple("RefundIssued", 1_000_000_000_000_000L),
                        tuple("CommissionReversed", 100_000_000_000_000L),
                        tuple("CommissionReversed", 50_000_000_000_000L));
        assertThat(sale.get(1).payloadText()).contains("\"minorUnits\":400000000000000");
    }

    @Test
    void aRefusedRefundReversesNothing() {
        Network network = networkWithSale("M-refuse");
        assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 39800)));
        ApiResponse refused = assertAccepted(post(network.sale() + "/refunds/R-1/refuse", Requests.refuseRefund()));

        List<StoredEvent> sale = EventTable.ofStream("sale/" + network.merchantId() + "/S-1");
        assertThat(sale).extracting(StoredEvent::simpleType).containsExactly(
                "SaleRecorded", "CommissionAccrued", "CommissionAccrued", "RefundRequested", "RefundRefused");
        assertThat(refused.position()).isEqualTo(sale.get(sale.size() - 1).globalIndex());
        assertThat(sale.get(4).payload().path("reason").asText()).isEqualTo("outside the refund window");
    }

    @Test
    void repricingAndWithdrawingAListingAreRecordedOnItsStream() {
        String m = registeredMerchant("M-listing");
        String listing = "/merchants/" + m + "/listings/L-1";
        assertAccepted(post("/merchants/" + m + "/listings", Requests.publishListing("L-1")));
        ApiResponse repriced = assertAccepted(post(listing + "/reprice", Requests.reprice(21900)));
        ApiResponse withdrawn = assertAccepted(post(listing + "/withdraw", Requests.withdraw()));

        List<StoredEvent> events = EventTable.ofStream("listing/" + m + "/L-1");
        assertThat(events).extracting(StoredEvent::simpleType)
                .containsExactly("ListingPublished", "ListingRepriced", "ListingWithdrawn");
        assertThat(repriced.position()).isEqualTo(events.get(1).globalIndex());
        assertThat(withdrawn.position()).isEqualTo(events.get(2).globalIndex());
        assertMoney(events.get(1), events.get(1).payload().path("previousPrice"), 19900);
        assertMoney(events.get(1), events.get(1).payload().path("unitPrice"), 21900);
        assertThat(events.get(2).payload().path("reason").asText()).isEqualTo("out of season");
    }

    private void step(Supplier<ApiResponse> command) {
        long before = EventTable.head();
        ApiResponse response = assertAccepted(command.get());
        steps.add(new Step(response, EventTable.after(before)));
    }

    private static void assertMoney(StoredEvent event, JsonNode money, long minorUnits) {
        assertThat(money.path("minorUnits").isIntegralNumber()).as(MONEY_TYPE_MESSAGE + ": %s", event).isTrue();
        assertThat(money.path("minorUnits").asLong()).as("%s", event).isEqualTo(minorUnits);
        assertThat(money.path("currency").asText()).as("%s", event).isEqualTo("CNY");
    }
}
