package com.marketplaceledger.query.audit;

import com.marketplaceledger.axon.web.QueryRefused;
import java.util.Map;

/** Which of an event's two times a range applies to. */
enum TimeAxis {
    /** When it happened in the merchant's business ({@code occurredAt}). */
    BUSINESS("occurred_at"),
    /** When the ledger recorded it (the event message's timestamp). */
    RECORDED("recorded_at");

    private final String column;

    TimeAxis(String column) {
        this.column = column;
    }

    /** The column of both audit tables that holds this time. */
    String column() {
        return column;
    }

    static TimeAxis parse(String field, String value) {
        return switch (value) {
            case "business" -> BUSINESS;
            case "recorded" -> RECORDED;
            default -> throw QueryRefused.badParameter(field, "time-axis", Map.of("value", value));
        };
    }
}
