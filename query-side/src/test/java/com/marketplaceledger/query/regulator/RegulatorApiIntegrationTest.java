package com.marketplaceledger.query.regulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QueryApi;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.Walkthrough;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The regulator API over the README walk-through, as recorded in the event store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulatorApiIntegrationTest extends QuerySideIntegrationTest {

    private static final String M = "M-regulator-1";


    QueryApi api;

    @BeforeAll
    void walkThrough() {
        api = api();
        Walkthrough.record(newHistory(), M);
    }

    @Test
    void merchant_headline_counts_three_participants_on_three_levels_and_all_revenue_from_end_customers() {
        JsonNode merchant = api.ok("/merchants/" + M).get("merchant");

        assertThat(merchant.get("name").asText()).isEqualTo("Hangzhou Tea Co");
        assertThat(merchant.get("zone").asText()).as("where its business days begin and end").isEqualTo("Asia/Shanghai");
        assertThat(merchant.get("participants").asLong()).isEqualTo(3);
        assertThat(merchant.get("levels").asInt()).isEqualTo(3);
        JsonNode revenue = merchant.get("revenue").get(0);
        assertThat(revenue.get("currency").asText()).isEqualTo("CNY");
        assertThat(revenue.get("revenue").asLong()).isEqualTo(39_800);
        assertThat(revenue.get("endCustomerRevenue").asLong()).isEqualTo(39_800);
        assertThat(revenue.get("refunds").asLong()).isEqualTo(19_900);
        assertThat(revenue.get("endCustomerSharePercent").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void merchant_list_shows_the_merchant_with_its_headline() {
        List<String> ids = new ArrayList<>();
        int page = 0;
        JsonNode answer;
        do {
            answer = api.ok("/merchants?size=100&page=" + page++);
            answer.get("items").forEach(item -> ids.add(item.get("merchantId").asText()));
        } while (answer.get("hasMore").asBoolean());

        assertThat(ids).contains(M).isSorted();
    }

    @Test
    void merchant_detail_lists_the_declared_plan() {
        JsonNode plans = api.ok("/merchants/" + M).get("plans");

        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).get("planVersion").asInt()).isEqualTo(1);
        assertThat(plans.get(0).get("plan").get("salesRates").get(1).get("basisPoints").asInt()).isEqualTo(500);
    }

    @Test
    void the_seller_sits_on_level_three_under_its_two_uplines_with_its_retail_sale_commission_and_refund() {
        JsonNode d3 = api.ok("/merchants/" + M + "/distributors/D-3");

        assertThat(d3.get("level").asInt()).isEqualTo(3);
        assertThat(d3.get("sponsorId").asText()).isEqualTo("D-2");
        assertThat(d3.get("upline").toString())
                .isEqualTo("[{\"distributorId\":\"D-2\",\"level\":2},{\"distributorId\":\"D-1\",\"level\":1}]");
        assertThat(d3.get("downline").toString()).isEqualTo("{\"directRecruits\":0,\"headcount\":0,\"depth\":0}");
        JsonNode accounts = d3.get("accounts").get(0);
        assertThat(accounts.get("retailSales").asLong()).isEqualTo(39_800);
        assertThat(accounts.get("commissions").get("OWN_RETAIL_SALE").asLong()).isEqualTo(3_980);
        assertThat(accounts.get("reversals").asLong()).isEqualTo(1_990);
        assertThat(accounts.get("refundsPaid").asLong()).isEqualTo(19_900);
        assertThat(accounts.get("net").asLong()).isEqualTo(39_800 + 3_980 - 1_990 - 19_900);
    }

    @Test
    void the_sponsor_earns_the_downline_commission_less_its_reversal() {
        JsonNode d2 = api.ok("/merchants/" + M + "/distributors/D-2");

        assertThat(d2.get("level").asInt()).isEqualTo(2);
        assertThat(d2.get("downline").toString()).isEqualTo("{\"directRecruits\":1,\"headcount\":1,\"depth\":1}");
        JsonNode accounts = d2.get("accounts").get(0);
        assertThat(accounts.get("commissions").get("DOWNLINE_SALE").asLong()).isEqualTo(1_990);
        assertThat(accounts.get("reversals").asLong()).isEqualTo(995);
        assertThat(accounts.get("net").asLong()).isEqualTo(995);
    }

    @Test
    void the_root_has_two_below_it_on_two_levels_and_no_money() {
        JsonNode d1 = api.ok("/merchants/" + M + "/distributors/D-1");

        assertThat(d1.get("level").asInt()).isEqualTo(1);
        assertThat(d1.get("sponsorId").isNull()).isTrue();
        assertThat(d1.get("upline")).isEmpty();
        assertThat(d1.get("downline").toString()).isEqualTo("{\"directRecruits\":1,\"headcount\":2,\"depth\":2}");
        assertThat(d1.get("accounts")).isEmpty();
    }

    @Test
    void the_root_downline_lists_everyone_below_it_shallowest_first() {
        JsonNode page = api.ok("/merchants/" + M + "/distributors/D-1/downline");

        assertThat(page.get("items").toString()).isEqualTo("["
                + "{\"distributorId\":\"D-2\",\"sponsorId\":\"D-1\",\"level\":2,\"depth\":1,\"enrolledAt\":\"2026-01-04T00:00:00Z\"},"
                + "{\"distributorId\":\"D-3\",\"sponsorId\":\"D-2\",\"level\":3,\"depth\":2,\"enrolledAt\":\"2026-01-05T00:00:00Z\"}]");
        assertThat(page.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void the_downline_filters_by_depth_or_by_level_and_pages() {
        assertThat(ids("/merchants/" + M + "/distributors/D-1/downline?depth=2")).containsExactly("D-3");
        assertThat(ids("/merchants/" + M + "/distributors/D-1/downline?level=2")).containsExactly("D-2");
        assertThat(ids("/merchants/" + M + "/distributors/D-1/downline?level=1")).isEmpty();
        JsonNode first = api.ok("/merchants/" + M + "/distributors/D-1/downline?size=1");
        JsonNode second = api.ok("/merchants/" + M + "/distributors/D-1/downline?size=1&page=1");
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(second.get("items").get(0).get("distributorId").asText()).isEqualTo("D-3");
        assertThat(second.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void merchant_accounts_show_commissions_paid_and_recovered_and_the_networks_sales() {
        JsonNode accounts = api.ok("/merchants/" + M + "/accounts");

        JsonNode merchant = accounts.get("merchant").get(0);
        assertThat(merchant.get("commissionsPaid").asLong()).isEqualTo(3_980 + 1_990);
        assertThat(merchant.get("reversalsRecovered").asLong()).isEqualTo(1_990 + 995);
        assertThat(merchant.get("net").asLong()).isEqualTo(-(3_980 + 1_990) + 1_990 + 995);
        JsonNode network = accounts.get("network").get(0);
        assertThat(network.get("retailSales").asLong()).isEqualTo(39_800);
        assertThat(network.get("internalConsumption").asLong()).isZero();
        assertThat(network.get("refundsPaid").asLong()).isEqualTo(19_900);
    }

    @Test
    void monthly_accounts_put_the_walkthrough_in_january() {
        JsonNode monthly = api.ok("/merchants/" + M + "/accounts/monthly");

        assertThat(monthly.get("network")).hasSize(1);
        assertThat(monthly.get("network").get(0).get("month").asText()).isEqualTo("2026-01");
        assertThat(monthly.get("network").get(0).get("figures").get(0).get("retailSales").asLong()).isEqualTo(39_800);
        JsonNode d3 = api.ok("/merchants/" + M + "/distributors/D-3/accounts/monthly");
        assertThat(d3.get(0).get("month").asText()).isEqualTo("2026-01");
        assertThat(d3.get(0).get("figures").get(0).get("commissions").get("OWN_RETAIL_SALE").asLong()).isEqualTo(3_980);
    }

    @ParameterizedTest(name = "as of {0}: D-1 has {1} below it on {2} levels")
    @CsvSource({"2026-01-02, 0, 0", "2026-01-03, 0, 0", "2026-01-04, 1, 1", "2026-01-05, 2, 2", "2027-01-01, 2, 2"})
    void as_of_counts_only_the_enrolments_of_that_day_and_before(String asOf, long headcount, int depth) {
        if (asOf.equals("2026-01-02")) {
            assertThat(api.get("/merchants/" + M + "/distributors/D-1?asOf=" + asOf).status()).isEqualTo(404);
            return;
        }
        JsonNode d1 = api.ok("/merchants/" + M + "/distributors/D-1?asOf=" + asOf);

        assertThat(d1.get("downline").get("headcount").asLong()).isEqualTo(headcount);
        assertThat(d1.get("downline").get("depth").asInt()).isEqualTo(depth);
        assertThat(ids("/merchants/" + M + "/distributors/D-1/downline?asOf=" + asOf)).hasSize((int) headcount);
    }

    @Test
    void as_of_a_day_before_the_enrolment_the_distributor_is_not_found() {
        assertThat(api.get("/merchants/" + M + "/distributors/D-3?asOf=2026-01-04").status()).isEqualTo(404);
        assertThat(api.get("/merchants/" + M + "/distributors/D-3?asOf=2026-01-05").status()).isEqualTo(200);
    }

    @Test
    void as_of_between_sale_and_refund_the_accounts_show_the_sale_and_commission_but_no_refund_or_reversal() {
        JsonNode before = api.ok("/merchants/" + M + "/distributors/D-3?asOf=2026-01-11").get("accounts").get(0);
        JsonNode after = api.ok("/merchants/" + M + "/distributors/D-3?asOf=2026-01-13").get("accounts").get(0);

        assertThat(before.get("retailSales").asLong()).isEqualTo(39_800);
        assertThat(before.get("commissions").get("OWN_RETAIL_SALE").asLong()).isEqualTo(3_980);
        assertThat(before.get("refundsPaid").asLong()).isZero();
        assertThat(before.get("reversals").asLong()).isZero();
        assertThat(after.get("refundsPaid").asLong()).isEqualTo(19_900);
        assertThat(after.get("reversals").asLong()).isEqualTo(1_990);
    }

    @Test
    void as_of_on_the_merchant_counts_the_network_then() {
        JsonNode then = api.ok("/merchants/" + M + "?asOf=2026-01-04").get("merchant");

        assertThat(then.get("participants").asLong()).isEqualTo(2);
        assertThat(then.get("levels").asInt()).isEqualTo(2);
        assertThat(then.get("revenue")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "/merchants/M-nobody,                                    404, unknown-merchant",
            "/alerts?merchantId=M%00,                                400, invalid-parameter",
            "/history?stream=sale/M%00/S-1,                          400, invalid-parameter",
            "/merchants/M-nobody/accounts,                           404, unknown-merchant",
            "/merchants/M-nobody/distributors/D-1,                   404, unknown-merchant",
            "/merchants/M-regulator-1/distributors/D-404,            404, unknown-distributor",
            "/merchants/M-regulator-1/distributors/D-404/downline,   404, unknown-distributor",
            "/merchants/M-regulator-1?asOf=2026-13-01,               400, invalid-parameter",
            "/merchants/M-regulator-1?asOf=yesterday,                400, invalid-parameter",
            "/merchants/M-regulator-1?asOf=-5000-01-01,              400, invalid-parameter",
            "/merchants/M-regulator-1?asOf=+99999-01-01,             400, invalid-parameter",
            "/merchants/M-regulator-1/accounts?asOf=0000-01-01,      400, invalid-parameter",
            "/merchants/M-regulator-1/distributors/D-1?asOf=2026-02-30, 400, invalid-parameter",
            "/merchants?page=-1,                                     400, invalid-parameter",
            "/merchants?size=0,                                      400, invalid-parameter",
            "/merchants?size=501,                                    400, invalid-parameter",
            "/merchants?page=abc,                                    400, invalid-parameter",
            "/merchants/M-regulator-1/distributors/D-1/downline?depth=0,  400, invalid-parameter",
            "/merchants/M-regulator-1/distributors/D-1/downline?level=-2, 400, invalid-parameter",
            "/merchants/M-regulator-1/distributors/D-1/downline?page=-3,  400, invalid-parameter",
            "/merchants/M-regulator-1?minPosition=-1,                400, invalid-parameter",
            "/merchants/M-regulator-1?minPosition=abc,               400, invalid-parameter",
            "/merchants/M-regulator-1?minPosition=9223372036854775807, 422, position-not-recorded",
            // a path no access rule names is refused before it is looked up, even to a token with every role
            "/no/such/path,                                          403, forbidden",
    })
    void bad_parameters_get_a_problem_never_a_server_error(String path, int status, String rule) {
        QueryApi.Answer answer = api.get(path);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("rule").asText()).isEqualTo(rule);
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        api.ok(path).get("items").forEach(item -> ids.add(item.get("distributorId").asText()));
        return ids;
    }
}
