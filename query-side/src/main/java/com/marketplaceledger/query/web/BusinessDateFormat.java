package com.marketplaceledger.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Business dates in query parameters ({@code asOf}) are exactly YYYY-MM-DD, years 0001 to 9999.
 * ISO 8601 alone also admits signed and longer years ("-5000-01-01", "+99999-01-01"), which no
 * ledger event has and which PostgreSQL's date type cannot always hold: refused as a bad
 * parameter here, once for every query, instead of failing deep in a read-model query.
 */
@Configuration
class BusinessDateFormat implements WebMvcConfigurer, Formatter<LocalDate> {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, this);
    }

    @Override
    public LocalDate parse(String text, Locale locale) {
        if (!DATE.matcher(text).matches() || text.startsWith("0000")) {
            throw new IllegalArgumentException("not a date YYYY-MM-DD with a year from 0001 to 9999: " + text);
        }
        return LocalDate.parse(text);
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return date.toString();
    }
}
