package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts;
import com.marketplaceledger.query.support.LedgerHistory;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Networks are judged by the business days of their merchant's jurisdiction. */
class MerchantZoneIntegrationTest extends QuerySideIntegrationTest {

    /** 2026-04-01 01:30 in Shanghai; 2026-03-31 17:30 in UTC and 13:30 in New York. */
    private static final Instant HALF_PAST_ONE_ON_APRIL_1_IN_SHANGHAI = Instant.parse("2026-03-31T17:30:00Z");

    @Autowired
    Evaluator evaluator;

    @Test
    void a_chinese_networks_sale_at_half_past_one_on_april_1_in_shanghai_falls_in_aprils_pay_period() {
        LedgerHistory history = newHistory();
        register(history, "M-zone-facts-cn", "CN");
        sale(history, "M-zone-facts-cn", HALF_PAST_ONE_ON_APRIL_1_IN_SHANGHAI);

        NetworkFacts facts = evaluator.facts("M-zone-facts-cn", null, LocalDate.parse("2026-04-30"));

        assertThat(facts.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(facts.months()).extracting(NetworkFacts.Month::month).containsExactly(YearMonth.of(2026, 4));
        assertThat(evaluator.facts("M-zone-facts-cn", null, LocalDate.parse("2026-03-31")).months()).isEmpty();
    }

    @Test
    void an_american_networks_sale_at_the_same_instant_falls_in_marchs_pay_period() {
        LedgerHistory history = newHistory();
        register(history, "M-zone-facts-us", "US");
        sale(history, "M-zone-facts-us", HALF_PAST_ONE_ON_APRIL_1_IN_SHANGHAI);

        NetworkFacts facts = evaluator.facts("M-zone-facts-us", null, LocalDate.parse("2026-04-30"));

        assertThat(facts.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(facts.months()).extracting(NetworkFacts.Month::month).containsExactly(YearMonth.of(2026, 3));
    }

    @Test
    void a_chinese_merchants_unanswered_refund_request_is_overdue_only_once_thirty_days_have_passed_in_shanghai() {
        LedgerHistory history = newHistory();
        String merchant = "M-zone-refund";
        register(history, merchant, "CN");
        sale(history, merchant, Instant.parse("2026-02-25T00:00:00Z"));
        // 2 March 04:00 in Shanghai: 29 days and 20 hours before 31 March ends there (30 days and 4 hours in UTC)
        history.appendAndAwait(StreamIds.sale(MerchantId.of(merchant), SaleId.of("S-1")), new RefundRequested(
                MerchantId.of(merchant), SaleId.of("S-1"), RefundId.of("R-1"), Money.of(1_000, "CNY"), "unopened",
                Instant.parse("2026-03-01T20:00:00Z")));

        assertThat(refundFinding(api().ok("/merchants/" + merchant + "/risk?asOf=2026-03-31"))).isNull();
        assertThat(refundFinding(api().ok("/merchants/" + merchant + "/risk?asOf=2026-04-01"))).isNotNull();
    }

    private static void register(LedgerHistory history, String merchant, String jurisdiction) {
        var m = MerchantId.of(merchant);
        history.append(StreamIds.merchant(m), new MerchantRegistered(m, merchant + " Co", "LIC-" + merchant, jurisdiction,
                Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** A retail sale S-1 by the merchant itself. */
    private static void sale(LedgerHistory history, String merchant, Instant at) {
        var m = MerchantId.of(merchant);
        history.appendAndAwait(StreamIds.sale(m, SaleId.of("S-1")), new SaleRecorded(m, SaleId.of("S-1"),
                ListingId.of("L-1"), ListingKind.PRODUCT, null, Buyer.endCustomer("C-1"), 1, Money.of(1_000, "CNY"),
                Money.of(1_000, "CNY"), 1, at));
    }

    private static JsonNode refundFinding(JsonNode evaluation) {
        return StreamSupport.stream(evaluation.path("findings").spliterator(), false)
                .filter(f -> f.path("ruleId").asText().equals("CN-REFUND")).findFirst().orElse(null);
    }
}
