package com.marketplaceledger.command.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored events, read straight from {@code axon.domain_event_entry} with plain JDBC (no Axon,
 * no serializer), in global order: what an auditor would see.
 */
public final class EventTable {

    public static final String TABLE = "axon.domain_event_entry";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventTable() {
    }

    /** One row of the event table. {@code payload} is the stored JSON text, parsed. */
    public record StoredEvent(long globalIndex, String stream, long sequenceNumber, String aggregateType,
                              String eventIdentifier, String payloadType, String payloadRevision,
                              String payloadText, JsonNode payload, String timeStamp) {

        /** The payload type without its package, e.g. {@code SaleRecorded}. */
        public String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }

        @Override
        public String toString() {
            return globalIndex + " " + stream + "#" + sequenceNumber + " " + simpleType() + " " + payloadText;
        }
    }

    /** Every stored event, ordered by global index. */
    public static List<StoredEvent> all() {
        return query("SELECT * FROM " + TABLE + " ORDER BY global_index");
    }

    /** The events after a global position, ordered by global index. */
    public static List<StoredEvent> after(long position) {
        return query("SELECT * FROM " + TABLE + " WHERE global_index > ? ORDER BY global_index", position);
    }

    /** The events of one merchant's streams ({@code kind/merchant[/id]}), ordered by global index. */
    public static List<StoredEvent> ofMerchant(String merchantId) {
        return query("SELECT * FROM " + TABLE + " WHERE split_part(aggregate_identifier, '/', 2) = ? ORDER BY global_index",
                merchantId);
    }

    /** The events of one stream, ordered by global index. */
    public static List<StoredEvent> ofStream(String stream) {
        return query("SELECT * FROM " + TABLE + " WHERE aggregate_identifier = ? ORDER BY global_index", stream);
    }

    public static long count() {
        try (Connection connection = TestDatabase.connect();
             var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the stored events", e);
        }
    }

    /** The highest global index stored, or 0. */
    public static long head() {
        try (Connection connection = TestDatabase.connect();
             var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM " + TABLE)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the head of the event table", e);
        }
    }

    private static List<StoredEvent> query(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            var events = new ArrayList<StoredEvent>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String payload = new String(rows.getBytes("payload"), StandardCharsets.UTF_8);
                    events.add(new StoredEvent(rows.getLong("global_index"), rows.getString("aggregate_identifier"),
                            rows.getLong("sequence_number"), rows.getString("type"),
                            rows.getString("event_identifier"), rows.getString("payload_type"),
                            rows.getString("payload_revision"), payload, parse(payload),
                            rows.getString("time_stamp")));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event table", e);
        }
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a stored payload is not JSON: " + payload, e);
        }
    }
}
