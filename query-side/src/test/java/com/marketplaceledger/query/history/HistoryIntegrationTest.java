package com.marketplaceledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.Walkthrough;
import org.junit.jupiter.api.Test;

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
