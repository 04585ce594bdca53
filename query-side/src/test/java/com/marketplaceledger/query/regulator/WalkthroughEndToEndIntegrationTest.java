package com.marketplaceledger.query.regulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.QuerySideDatabase;
import com.marketplaceledger.query.support.CommandSideProcess;
import com.marketplaceledger.query.support.QueryApi;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README walk-through end to end: its commands go in through the real command side (its
 * jar, in a process of its own, on the same database), the answers come out of the query side,
 * read with the position of the last command so that they include everything it recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkthroughEndToEndIntegrationTest extends QuerySideIntegrationTest {

    private static final String M = "/merchants/M-hz-001";


    CommandSideProcess commandSide;
    QueryApi api;
    long last;

    @BeforeAll
    void walkThrough() throws Exception {
        api = api();
        commandSide = CommandSideProcess.start(QuerySideDatabase.jdbcUrl());
        commandSide.post("/merchants", """
                {"merchantId":"M-hz-001","name":"Hangzhou Tea Co","licenceNumber":"91330100MA2XXXXX",
                 "jurisdiction":"CN","occurredAt":"2026-01-01T00:00:00Z"}""");
        commandSide.post(M + "/plans", """
                {"plan":{"salesRates":[{"level":1,"basisPoints":1000},{"level":2,"basisPoints":500}],
                 "joiningFeeRates":[],"refundWindowDays":30,"buybackBasisPoints":9000},"occurredAt":"2026-01-01T00:00:00Z"}""");
        commandSide.post(M + "/listings", """
                {"listingId":"L-tea","sku":"TEA-250","title":"Longjing tea 250 g",
                 "unitPrice":{"minorUnits":19900,"currency":"CNY"},"kind":"PRODUCT","occurredAt":"2026-01-02T00:00:00Z"}""");
        commandSide.post(M + "/distributors", """
                {"distributorId":"D-1","occurredAt":"2026-01-03T00:00:00Z"}""");
        commandSide.post(M + "/distributors", """
                {"distributorId":"D-2","sponsorId":"D-1","occurredAt":"2026-01-04T00:00:00Z"}""");
        commandSide.post(M + "/distributors", """
                {"distributorId":"D-3","sponsorId":"D-2","occurredAt":"2026-01-05T00:00:00Z"}""");
        commandSide.post(M + "/sales", """
                {"saleId":"S-1","listingId":"L-tea","sellerId":"D-3","buyer":{"kind":"END_CUSTOMER","customerRef":"C-9"},
                 "quantity":2,"occurredAt":"2026-01-10T00:00:00Z"}""");
        commandSide.post(M + "/sales/S-1/refunds", """
                {"refundId":"R-1","amount":{"minorUnits":19900,"currency":"CNY"},"reason":"damaged box",
                 "occurredAt":"2026-01-12T00:00:00Z"}""");
        last = commandSide.post(M + "/sales/S-1/refunds/R-1/issue", """
                {"occurredAt":"2026-01-13T00:00:00Z"}""");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void the_chain_of_three_has_the_right_levels_and_headcounts() {
        JsonNode d1 = api.ok(M + "/distributors/D-1?minPosition=" + last);
        JsonNode d2 = api.ok(M + "/distributors/D-2?minPosition=" + last);
        JsonNode d3 = api.ok(M + "/distributors/D-3?minPosition=" + last);

        assertThat(List.of(d1.get("level").asInt(), d2.get("level").asInt(), d3.get("level").asInt())).containsExactly(1, 2, 3);
        assertThat(List.of(d1.get("downline").get("headcount").asLong(), d2.get("downline").get("headcount").asLong(),
                d3.get("downline").get("headcount").asLong())).containsExactly(2L, 1L, 0L);
        assertThat(d3.get("upline").findValuesAsText("distributorId")).containsExactly("D-2", "D-1");
        assertThat(api.ok(M + "?minPosition=" + last).get("merchant").get("participants").asLong()).isEqualTo(3);
    }

    @Test
    void the_accounts_show_the_commissions_the_plan_paid_and_the_refund_took_back() {
        JsonNode d3 = api.ok(M + "/distributors/D-3?minPosition=" + last).get("accounts").get(0);
        JsonNode d2 = api.ok(M + "/distributors/D-2?minPosition=" + last).get("accounts").get(0);

        assertThat(d3.get("retailSales").asLong()).isEqualTo(39_800);
        assertThat(d3.get("commissions").get("OWN_RETAIL_SALE").asLong()).isEqualTo(3_980);
        assertThat(d3.get("reversals").asLong()).isEqualTo(1_990);
        assertThat(d3.get("refundsPaid").asLong()).isEqualTo(19_900);
        assertThat(d2.get("commissions").get("DOWNLINE_SALE").asLong()).isEqualTo(1_990);
        assertThat(d2.get("reversals").asLong()).isEqualTo(995);
        assertThat(api.ok(M + "/distributors/D-1?minPosition=" + last).get("accounts")).isEmpty();
    }

    @Test
    void the_sales_audit_trail_lists_its_sale_commission_and_refund_events_in_order() {
        JsonNode trail = api.ok(M + "/audit-trail?entityType=sale&entityId=S-1&minPosition=" + last);

        List<String> types = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        trail.get("items").forEach(item -> {
            types.add(item.get("type").asText());
            positions.add(item.get("position").asLong());
        });
        assertThat(types).containsExactly("SaleRecorded", "CommissionAccrued", "CommissionAccrued", "RefundRequested",
                "RefundIssued", "CommissionReversed", "CommissionReversed");
        assertThat(positions).isSorted().doesNotHaveDuplicates().last().isEqualTo(last);
    }
}
