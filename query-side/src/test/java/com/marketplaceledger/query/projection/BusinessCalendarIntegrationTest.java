package com.marketplaceledger.query.projection;

import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The zones of application.yml, found from the merchants' registrations in the event store. */
class BusinessCalendarIntegrationTest extends QuerySideIntegrationTest {

    @Autowired
    BusinessCalendar calendar;

    @Test
    void chinese_merchants_count_days_in_shanghai_and_american_ones_in_new_york() {
        register("M-cal-cn", "CN");
        register("M-cal-zj", "CN-ZJ");
        register("M-cal-us", "US");

        assertThat(calendar.zoneOf("M-cal-cn")).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.zoneOf("M-cal-zj")).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.zoneOf("M-cal-us")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(calendar.dayOf("M-cal-cn", Instant.parse("2026-03-31T16:30:00Z"))).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(calendar.dayOf("M-cal-us", Instant.parse("2026-03-31T16:30:00Z"))).isEqualTo(LocalDate.parse("2026-03-31"));
    }

    @Test
    void merchants_of_other_jurisdictions_count_days_in_the_default_zone_shanghai() {
        register("M-cal-de", "DE");

        assertThat(calendar.defaultZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.zoneOf("M-cal-de")).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.zoneOf("M-cal-never-registered")).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    /** Appended only: the zone does not wait for any read model. */
    private void register(String merchant, String jurisdiction) {
        var m = MerchantId.of(merchant);
        newHistory().append(StreamIds.merchant(m), new MerchantRegistered(m, merchant + " Co", "LIC-" + merchant,
                jurisdiction, Instant.parse("2026-01-01T00:00:00Z")));
    }
}
