package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.supervision.detection.rules.Evidence;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.marketplaceledger.supervision.detection.facts.FactQueries.evidence;

/** Who joined, how deep, and what they paid to join: from the enrolments of the business facts. */
@Component
class EnrolmentFacts {

    /** How many people and levels, counted as the 2013 opinion counts, and the enrolments that prove it. */
    record Shape(long people, int levels, Evidence enrolments) {
    }

    /** Joining fees, their sum in CNY fen among them. */
    record Fees(Tally tally, long cny) {
    }

    private final FactQueries queries;

    EnrolmentFacts(FactQueries queries) {
        this.queries = queries;
    }

    Shape shape(NetworkScope scope, MapSqlParameterSource params) {
        var counted = queries.jdbc.queryForMap(scope.members("""
                SELECT count(*) AS n, coalesce(max(level), 0) AS deepest, min(level) AS top
                FROM business_facts.distributor
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND distributor_id IN (members)"""), params);
        long members = ((Number) counted.get("n")).longValue();
        int deepest = ((Number) counted.get("deepest")).intValue();
        long people = scope.isNetwork() ? members + 1 : members;
        int levels = scope.isNetwork() ? deepest + 1 : members == 0 ? 0 : deepest - ((Number) counted.get("top")).intValue() + 1;
        // the deepest line first: it proves the depth; then the rest in the order they joined
        List<String> ids = queries.jdbc.queryForList(scope.members("""
                WITH deepest AS (
                    SELECT distributor_id, upline FROM business_facts.distributor
                    WHERE merchant_id = :m AND enrolled_on <= :asOf AND distributor_id IN (members)
                    ORDER BY level DESC, enrolled_at, distributor_id LIMIT 1)
                SELECT event_id FROM business_facts.distributor d
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND distributor_id IN (members)
                ORDER BY (d.distributor_id = (SELECT distributor_id FROM deepest)
                          OR d.distributor_id = ANY (SELECT unnest(upline) FROM deepest)) DESC, level, enrolled_at, event_id
                LIMIT :cap"""), params, String.class);
        return new Shape(people, levels, new Evidence(ids, members));
    }

    Fees joiningFees(NetworkScope scope, MapSqlParameterSource params) {
        return queries.jdbc.queryForObject(scope.members("""
                SELECT count(*) AS n, coalesce(sum(joining_fee), 0) AS amount,
                       coalesce(sum(joining_fee) FILTER (WHERE joining_currency = 'CNY'), 0) AS cny,
                       (array_agg(event_id ORDER BY enrolled_at, event_id))[1 : :cap] AS ids
                FROM business_facts.distributor
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND joining_fee IS NOT NULL AND distributor_id IN (members)"""),
                params, (row, n) -> new Fees(new Tally(row.getLong("n"), row.getLong("amount"), evidence(row, "ids", "n")),
                        row.getLong("cny")));
    }

    /** Joining fees per calendar month of enrolment. */
    Map<YearMonth, Tally> monthlyFees(NetworkScope scope, MapSqlParameterSource params) {
        var months = new TreeMap<YearMonth, Tally>();
        queries.jdbc.query(scope.members("""
                SELECT date_trunc('month', enrolled_on)::date AS month, count(*) AS n, sum(joining_fee) AS amount,
                       (array_agg(event_id ORDER BY enrolled_at, event_id))[1 : :cap] AS ids
                FROM business_facts.distributor
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND joining_fee IS NOT NULL AND distributor_id IN (members)
                GROUP BY 1"""), params, row -> {
            months.put(YearMonth.from(row.getDate("month").toLocalDate()),
                    new Tally(row.getLong("n"), row.getLong("amount"), evidence(row, "ids", "n")));
        });
        return months;
    }

    /** Who joined from a day on, by the day judged. */
    Evidence joinedSince(NetworkScope scope, MapSqlParameterSource params, LocalDate since) {
        var from = new MapSqlParameterSource(params.getValues()).addValue("since", Date.valueOf(since));
        return queries.jdbc.queryForObject(scope.members("""
                SELECT count(*) AS n, (array_agg(event_id ORDER BY enrolled_at, event_id))[1 : :cap] AS ids
                FROM business_facts.distributor
                WHERE merchant_id = :m AND enrolled_on >= :since AND enrolled_on <= :asOf AND distributor_id IN (members)"""),
                from, (row, n) -> evidence(row, "ids", "n"));
    }
}
