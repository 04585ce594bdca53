package com.marketplaceledger.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How far each read model has followed the event stream, read from the committed tracking tokens
 * of its processor. A token is committed in the same transaction as the read model it guards, so
 * what a committed token covers is in the read model. Reading the token table (rather than the
 * processors in this JVM) sees every segment, also those claimed by another instance.
 */
@Component
public class ReadModelPositions {

    private final JdbcTemplate jdbc;
    private final TokenSchema schema;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    ReadModelPositions(JdbcTemplate jdbc, TokenSchema schema, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.serializer = serializer;
        this.processing = processing;
    }

    /**
     * For each read model: the position up to which it holds every event (0 when it holds none).
     * A token keeps waiting for a position that was taken but never committed (a transaction rolled
     * back, by a crash say) until newer events come; once the sealer has sealed such a position
     * absent, it is known never to come and is not waited for.
     */
    public Map<String, Long> processedPositions() {
        Map<String, List<TrackingToken>> tokens = segmentTokens();
        Set<Long> absent = sealedAbsent(tokens.values().stream().flatMap(List::stream));
        var positions = new TreeMap<String, Long>();
        tokens.forEach((name, segments) -> positions.put(name, segments.stream()
                .mapToLong(token -> contiguousPosition(token, absent)).min().orElse(0)));
        return positions;
    }

    /**
     * Whether every read model has handled the event at {@code position}. Positions count from 1, so
     * 0, the head of a store with no events, is held by every read model, even one with no token yet.
     */
    public boolean allHaveProcessed(long position) {
        if (position < 1) {
            return true;
        }
        return segmentTokens().values().stream()
                .allMatch(tokens -> !tokens.isEmpty() && tokens.stream().allMatch(token -> covers(token, position)));
    }

    /** Whether one read model (its processor's name) has handled the event at {@code position}. */
    public boolean hasProcessed(String readModel, long position) {
        if (position < 1) {
            return true;
        }
        List<TrackingToken> tokens = segmentTokens().get(readModel);
        return tokens != null && !tokens.isEmpty() && tokens.stream().allMatch(token -> covers(token, position));
    }

    /**
     * Every segment reads the whole stream and keeps the events of its own sequences, so an event
     * is in the read model once every segment's token has passed it and does not list it as a gap.
     */
    private static boolean covers(TrackingToken token, long position) {
        return gapAware(token).map(t -> t.getIndex() >= position && !t.getGaps().contains(position)).orElse(false);
    }

    private static long contiguousPosition(TrackingToken token, Set<Long> absent) {
        return gapAware(token).map(t -> t.getGaps().stream().filter(gap -> !absent.contains(gap)).findFirst()
                .map(gap -> gap - 1).orElse(t.getIndex())).orElse(0L);
    }

    /** The positions among the tokens' gaps that the sealer sealed absent: numbers no event will ever have. */
    private Set<Long> sealedAbsent(Stream<TrackingToken> tokens) {
        var gaps = tokens.map(ReadModelPositions::gapAware).flatMap(Optional::stream)
                .flatMap(t -> t.getGaps().stream()).collect(Collectors.toCollection(TreeSet::new));
        if (gaps.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                SELECT global_index FROM axon.event_seal
                WHERE event_identifier IS NULL AND global_index BETWEEN ? AND ?""", Long.class, gaps.first(), gaps.last()));
    }

    /** A replay wraps the token; what counts is how far the replay has come. */
    private static Optional<GapAwareTrackingToken> gapAware(TrackingToken token) {
        return token == null ? Optional.empty() : WrappedToken.unwrap(token, GapAwareTrackingToken.class);
    }

    private Map<String, List<TrackingToken>> segmentTokens() {
        var tokens = new TreeMap<String, List<TrackingToken>>();
        processing.eventProcessors().keySet().forEach(name -> tokens.put(name, new ArrayList<>()));
        jdbc.query("SELECT " + schema.processorNameColumn() + ", " + schema.tokenColumn() + ", " + schema.tokenTypeColumn()
                        + " FROM " + schema.tokenTable(),
                row -> {
                    List<TrackingToken> segments = tokens.get(row.getString(1));
                    if (segments != null) {
                        segments.add(deserialize(row.getBytes(2), row.getString(3)));
                    }
                });
        return tokens;
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
