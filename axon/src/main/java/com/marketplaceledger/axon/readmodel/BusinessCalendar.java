package com.marketplaceledger.axon.readmodel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar of point-in-time views and pay periods: a business date (an {@code asOf}, a day of
 * growth, a calendar month of accounts) is a day in {@code ledger.query.zone}. Read models store
 * days in this zone, so changing it takes a rebuild.
 */
@Component
public class BusinessCalendar {

    private final ZoneId zone;

    BusinessCalendar(@Value("${ledger.query.zone:UTC}") ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
