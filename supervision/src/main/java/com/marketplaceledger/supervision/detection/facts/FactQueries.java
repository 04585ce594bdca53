package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.supervision.detection.DetectionProperties;
import com.marketplaceledger.supervision.detection.rules.Evidence;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import com.marketplaceledger.supervision.detection.rules.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What every family of facts reads with: named parameters, counts with their evidence ids, and
 * rows streamed a fetch at a time. Evidence columns are labelled {@code n} (how many), {@code
 * amount} and {@code ids} (the first of them, capped by {@code :cap}).
 */
@Component
class FactQueries {

    /** Rows a streamed fact is fetched by: a network's millions never sit in memory at once. */
    private static final int FETCH_SIZE = 1_000;

    final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate reading;
    final int maxEvidence;

    FactQueries(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, DetectionProperties properties) {
        this.jdbc = jdbc;
        var fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        // PostgreSQL fetches by a cursor only inside a transaction; without one it sends every row at once
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.maxEvidence = properties.maxEvidence();
    }

    /** A count, its sum and its evidence: the columns {@code n}, {@code amount} and {@code ids}. */
    Tally tally(String sql, MapSqlParameterSource params) {
        return jdbc.queryForObject(sql, params,
                (row, n) -> new Tally(row.getLong("n"), row.getLong("amount"), evidence(row, "ids", "n")));
    }

    long sum(String sql, MapSqlParameterSource params) {
        Long value = jdbc.queryForObject(sql, params, Long.class);
        return value == null ? 0 : value;
    }

    /** Rows read afresh, a fetch at a time, each time they are passed over. */
    <T> Rows<T> rows(String sql, MapSqlParameterSource params, RowMapper<T> mapper) {
        return action -> reading.executeWithoutResult(status -> streaming.query(sql, params,
                (RowCallbackHandler) row -> action.accept(mapper.mapRow(row, row.getRow()))));
    }

    static Evidence evidence(ResultSet row, String idsColumn, String countColumn) throws SQLException {
        return new Evidence(ids(row, idsColumn), row.getLong(countColumn));
    }

    static List<String> ids(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
