package com.marketplaceledger.query.history;

import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.LedgerEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity's whole history, straight from the event store (upcasted as every reader sees it),
 * and its state folded from those events as of a global position or a business day.
 */
@RestController
@Tag(name = "Audit trail")
class HistoryController {

    /** One event of the entity, with its place in the global sequence and both times. */
    record HistoryEvent(long position, String eventId, long sequenceNumber, String type, Instant occurredAt,
                        Instant recordedAt, Object payload) {
    }

    record History(String stream, Long asOfPosition, LocalDate asOfDate, int events, List<HistoryEvent> history,
                   Map<String, Object> state) {
    }

    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final EventSchema schema;
    private final BusinessCalendar calendar;

    HistoryController(EventStorageEngine storage, JdbcTemplate jdbc, EventSchema schema, BusinessCalendar calendar) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.schema = schema;
        this.calendar = calendar;
    }

    @GetMapping("/history")
    @Operation(summary = "One entity's events in order, and its state folded from them, now, as of a global position "
            + "or as of the end of a business day")
    History history(@Parameter(description = "the entity's stream, e.g. sale/M-hz-001/S-1, as the audit trail names it")
                    @RequestParam String stream,
                    @Parameter(description = "only events up to this global position")
                    @RequestParam(required = false) Long asOfPosition,
                    @Parameter(description = "only events that happened by the end of this business day (YYYY-MM-DD)")
                    @RequestParam(required = false) LocalDate asOfDate) {
        if (asOfPosition != null && asOfPosition < 0) {
            throw QueryRefused.badParameter("asOfPosition", "negative-position", Map.of("value", asOfPosition));
        }
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT " + schema.eventIdentifierColumn() + ", " + schema.globalIndexColumn() + " FROM "
                        + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ?",
                row -> {
                    positions.put(row.getString(1), row.getLong(2));
                }, stream);
        if (positions.isEmpty()) {
            throw QueryRefused.notFound("stream", stream);
        }
        Instant endOfDay = asOfDate == null ? null : asOfDate.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        var history = new ArrayList<HistoryEvent>();
        var events = new ArrayList<LedgerEvent>();
        storage.readEvents(stream).asStream().forEach(message -> {
            long position = positions.getOrDefault(message.getIdentifier(), 0L);
            Object payload = message.getPayload();
            Instant occurredAt = payload instanceof LedgerEvent e ? e.occurredAt() : message.getTimestamp();
            boolean inTime = asOfPosition == null || position <= asOfPosition;
            boolean inBusiness = endOfDay == null || occurredAt.isBefore(endOfDay);
            if (inTime && inBusiness) {
                history.add(event(message, position, occurredAt));
                if (payload instanceof LedgerEvent e) {
                    events.add(e);
                }
            }
        });
        return new History(stream, asOfPosition, asOfDate, history.size(), history, EntityState.fold(events));
    }

    private static HistoryEvent event(DomainEventMessage<?> message, long position, Instant occurredAt) {
        return new HistoryEvent(position, message.getIdentifier(), message.getSequenceNumber(),
                message.getPayloadType().getSimpleName(), occurredAt, message.getTimestamp(), message.getPayload());
    }
}
