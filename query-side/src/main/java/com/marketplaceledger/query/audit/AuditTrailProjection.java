package com.marketplaceledger.query.audit;

import com.marketplaceledger.axon.readmodel.ReadModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.axon.readmodel.BatchBuffer;
import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.governance.GovernanceEvent;
import com.marketplaceledger.shared.oversight.OversightEvent;
import com.marketplaceledger.axon.security.ActorMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Revision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The audit trail: every ledger event with its global position, stream, sequence number, type,
 * revision, payload and both times, and the subjects it concerns ({@link AuditSubjects}).
 * <p>
 * Rows are collected for the whole batch and written with one batched insert per table when the
 * batch commits, together with the processor's token. Every value comes from the event message,
 * and inserts skip rows already present (keyed by position), so a redelivered batch changes
 * nothing and a rebuild from event 0 reproduces exactly the same rows.
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
class AuditTrailProjection implements ReadModel {

    static final String PROCESSING_GROUP = "audit-trail";
    private static final String BUFFER = AuditTrailProjection.class.getName() + ".batch";
    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    static final String INSERT_EVENT = """
            INSERT INTO read_model.audit_event (position, event_id, merchant_id, stream_id, sequence_number,
                payload_type, payload_revision, payload, occurred_at, recorded_at, actor, actor_roles)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (position) DO NOTHING""";
    static final String INSERT_SUBJECT = """
            INSERT INTO read_model.audit_subject (merchant_id, entity_type, entity_id, position, occurred_at, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (merchant_id, entity_type, entity_id, position) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final EventSchema eventSchema;

    AuditTrailProjection(JdbcTemplate jdbc, EventSchema eventSchema) {
        this.jdbc = jdbc;
        this.eventSchema = eventSchema;
    }

    /** One event as the audit trail keeps it; {@code position} is null until the flush resolves it. */
    record EventRow(Long position, String eventId, String merchantId, String stream, long sequenceNumber,
                    String type, String revision, String payload, Instant occurredAt, Instant recordedAt,
                    String actor, String actorRoles, List<AuditSubjects.Subject> subjects) {

        EventRow at(long resolved) {
            return new EventRow(resolved, eventId, merchantId, stream, sequenceNumber, type, revision, payload,
                    occurredAt, recordedAt, actor, actorRoles, subjects);
        }
    }

    @EventHandler
    void on(LedgerEvent event, DomainEventMessage<?> message, TrackingToken token) {
        BatchBuffer.current(BUFFER, ArrayList<EventRow>::new, this::flush).add(row(event, message, token));
    }

    /** Acts of oversight concern no merchant: in the trail of everything, under no subject. */
    @EventHandler
    void on(OversightEvent event, DomainEventMessage<?> message, TrackingToken token) {
        BatchBuffer.current(BUFFER, ArrayList<EventRow>::new, this::flush)
                .add(row(null, event, event.occurredAt(), List.of(), message, token));
    }

    /** Rule-set decisions concern no merchant either. */
    @EventHandler
    void on(GovernanceEvent event, DomainEventMessage<?> message, TrackingToken token) {
        BatchBuffer.current(BUFFER, ArrayList<EventRow>::new, this::flush)
                .add(row(null, event, event.occurredAt(), List.of(), message, token));
    }

    @Override
    public String processor() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("audit_subject", "audit_event");
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    static EventRow row(LedgerEvent event, DomainEventMessage<?> message, TrackingToken token) {
        return row(event.merchantId().value(), event, event.occurredAt(), AuditSubjects.of(event), message, token);
    }

    private static EventRow row(String merchantId, Object event, Instant occurredAt, List<AuditSubjects.Subject> subjects,
                                DomainEventMessage<?> message, TrackingToken token) {
        OptionalLong position = exactPosition(token);
        Class<?> type = message.getPayloadType();
        Revision revision = type.getAnnotation(Revision.class);
        return new EventRow(position.isPresent() ? position.getAsLong() : null, message.getIdentifier(),
                merchantId, message.getAggregateIdentifier(), message.getSequenceNumber(),
                type.getSimpleName(), revision == null ? null : revision.value(), json(event), occurredAt,
                message.getTimestamp(), metaData(message, ActorMetadata.ACTOR), metaData(message, ActorMetadata.ACTOR_ROLES),
                subjects);
    }

    private static String metaData(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /**
     * The event's global position where the token tells it exactly. A gap-aware token (Axon's JDBC
     * event store) does not: when an event committed late fills a gap, the token keeps the highest
     * position it has seen, so such positions are read from the event table by the flush. A global
     * sequence token (Axon Server) has no gaps and is the event's own position.
     */
    static OptionalLong exactPosition(TrackingToken token) {
        if (token == null || WrappedToken.unwrap(token, GapAwareTrackingToken.class).isPresent()) {
            return OptionalLong.empty();
        }
        return token.position();
    }

    /** Writes one batch: every event row, then every subject row, one batched statement each. */
    void flush(List<EventRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<EventRow> rows = withPositions(batch);
        jdbc.batchUpdate(INSERT_EVENT, rows, rows.size(), (statement, row) -> {
            statement.setLong(1, row.position());
            statement.setString(2, row.eventId());
            statement.setString(3, row.merchantId());
            statement.setString(4, row.stream());
            statement.setLong(5, row.sequenceNumber());
            statement.setString(6, row.type());
            statement.setString(7, row.revision());
            statement.setString(8, row.payload());
            setInstant(statement, 9, row.occurredAt());
            setInstant(statement, 10, row.recordedAt());
            statement.setString(11, row.actor());
            statement.setString(12, row.actorRoles());
        });
        record SubjectRow(EventRow event, AuditSubjects.Subject subject) {
        }
        List<SubjectRow> subjects = rows.stream()
                .flatMap(row -> row.subjects().stream().map(subject -> new SubjectRow(row, subject)))
                .toList();
        jdbc.batchUpdate(INSERT_SUBJECT, subjects, subjects.size(), (statement, row) -> {
            statement.setString(1, row.event().merchantId());
            statement.setString(2, row.subject().type().wireName());
            statement.setString(3, row.subject().id());
            statement.setLong(4, row.event().position());
            setInstant(statement, 5, row.event().occurredAt());
            setInstant(statement, 6, row.event().recordedAt());
        });
    }

    /** Resolves the positions the tokens did not tell, with one query for the whole batch. */
    private List<EventRow> withPositions(List<EventRow> batch) {
        String[] unresolved = batch.stream().filter(row -> row.position() == null).map(EventRow::eventId)
                .toArray(String[]::new);
        if (unresolved.length == 0) {
            return batch;
        }
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT " + eventSchema.eventIdentifierColumn() + ", " + eventSchema.globalIndexColumn()
                        + " FROM " + eventSchema.domainEventTable()
                        + " WHERE " + eventSchema.eventIdentifierColumn() + " = ANY (?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar", unresolved)),
                row -> {
                    positions.put(row.getString(1), row.getLong(2));
                });
        return batch.stream().map(row -> {
            if (row.position() != null) {
                return row;
            }
            Long position = positions.get(row.eventId());
            if (position == null) {
                // the batch rolls back with its token and is retried: no event is skipped
                throw new IllegalStateException("event " + row.eventId() + " of " + row.stream() + " #"
                        + row.sequenceNumber() + " is not in the event table");
            }
            return row.at(position);
        }).toList();
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }
}
