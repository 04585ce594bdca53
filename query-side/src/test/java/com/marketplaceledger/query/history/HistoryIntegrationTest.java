package com.marketplaceledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.Walkthrough;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryIntegrationTest extends QuerySideIntegrationTest {

    private static final String SALE = "/history?stream=sale/M-history/S-1";

    @Test
    void aSalesHistoryIsItsEventsInOrderAndItsStateFoldedFromThem() {
        Walkthrough.record(newHistory(), "M-history");

        JsonNode now = api().ok(SALE);

        assertThat(types(now)).containsExactly("SaleRecorded", "CommissionAccrued", "CommissionAccrued",
                "RefundRequested", "RefundIssued", "CommissionReversed", "CommissionReversed");
        assertThat(positions(now)).isSorted().doesNotHaveDuplicates().allMatch(p -> p > 0);
        JsonNode state = now.path("state");
        assertThat(state.path("amount").path("minorUnits").asLong()).isEqualTo(Walkthrough.SALE);
        assertThat(state.path("remaining").path("minorUnits").asLong()).isEqualTo(Walkthrough.SALE - Walkthrough.REFUND);
        assertThat(state.path("refunds").path("R-1").path("status").asText()).isEqualTo("ISSUED");
        assertThat(state.path("commissions").path("sale.S-1.L2").path("reversed").path("minorUnits").asLong()).isEqualTo(995);
    }

    @Test
    void theStateAsOfAPositionOrABusinessDayCountsOnlyTheEventsUpToIt() {
        Walkthrough.record(newHistory(), "M-history-asof");
        String sale = "/history?stream=sale/M-history-asof/S-1";
        long requested = positions(api().ok(sale)).get(3);

        JsonNode atRequest = api().ok(sale + "&asOfPosition=" + requested);
        assertThat(atRequest.path("events").asInt()).isEqualTo(4);
        assertThat(atRequest.path("state").path("refunds").path("R-1").path("status").asText()).isEqualTo("REQUESTED");
        assertThat(atRequest.path("state").path("remaining").path("minorUnits").asLong()).isEqualTo(Walkthrough.SALE);

        JsonNode onSaleDay = api().ok(sale + "&asOfDate=2026-01-10");
        assertThat(types(onSaleDay)).containsExactly("SaleRecorded", "CommissionAccrued", "CommissionAccrued");
        assertThat(onSaleDay.path("state").path("refunds").isEmpty()).isTrue();

        JsonNode beforeSale = api().ok(sale + "&asOfDate=2026-01-09");
        assertThat(beforeSale.path("events").asInt()).isZero();
    }

    @Test
    void aBusinessDayEndsAtMidnightInTheZoneOfTheMerchantsJurisdiction() {
        var history = newHistory();
        for (String jurisdiction : List.of("CN", "US")) {
            var m = MerchantId.of("M-history-zone-" + jurisdiction);
            history.append("merchant/" + m.value(), new MerchantRegistered(m, "Zone Co", "LIC-Z", jurisdiction,
                    Instant.parse("2026-03-01T00:00:00Z")));
            history.appendAndAwait("sale/" + m.value() + "/S-1", new SaleRecorded(m, SaleId.of("S-1"), ListingId.of("L-1"),
                    ListingKind.PRODUCT, null, Buyer.endCustomer("C-1"), 1, Money.of(100, "CNY"), Money.of(100, "CNY"), 1,
                    Instant.parse("2026-03-31T16:30:00Z")));
        }

        // 2026-04-01 00:30 in Shanghai, 2026-03-31 12:30 in New York
        String chinese = "/history?stream=sale/M-history-zone-CN/S-1&asOfDate=";
        String american = "/history?stream=sale/M-history-zone-US/S-1&asOfDate=";
        assertThat(api().ok(chinese + "2026-03-31").path("events").asInt()).isZero();
        assertThat(api().ok(chinese + "2026-04-01").path("events").asInt()).isEqualTo(1);
        assertThat(api().ok(american + "2026-03-31").path("events").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownStreamOrANegativePositionIsAProblem() {
        var unknown = api().get("/history?stream=sale/M-nobody/S-1");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        var negative = api().get(SALE + "&asOfPosition=-1");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().path("field").asText()).isEqualTo("asOfPosition");
        assertThat(api().get("/history").status()).isEqualTo(400);
    }

    private static List<String> types(JsonNode history) {
        var types = new ArrayList<String>();
        history.path("history").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private static List<Long> positions(JsonNode history) {
        var positions = new ArrayList<Long>();
        history.path("history").forEach(e -> positions.add(e.path("position").asLong()));
        return positions;
    }
}
