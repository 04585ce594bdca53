package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.supervision.detection.rules.Evidence;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerEvidence;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.EarnerMonth;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import com.marketplaceledger.supervision.detection.rules.Rows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

/** Who was paid, on what basis, beside their own retail: from the risk facts' commissions. */
@Component
class CommissionFacts {

    /** Commissions, and retail sales, shown per earner's month. */
    private static final int EARNER_EVENTS = 20;

    private final FactQueries queries;

    CommissionFacts(FactQueries queries) {
        this.queries = queries;
    }

    /** Pay per recruit: recruitment bonuses and shares of joining fees. */
    Tally headcountPay(NetworkScope scope, MapSqlParameterSource params) {
        return tally(scope, params, "basis IN ('RECRUITMENT', 'JOINING_FEE')");
    }

    /** Pay of an upline (level 2 or more) on its downline's sales or purchases. */
    Tally teamPay(NetworkScope scope, MapSqlParameterSource params) {
        return tally(scope, params, "basis IN ('DOWNLINE_SALE', 'DOWNLINE_PURCHASE') AND level >= 2");
    }

    /** Each paid participant's month: its pay beside its own retail sales and customers. */
    Rows<EarnerMonth> earners(NetworkScope scope, MapSqlParameterSource params) {
        return queries.rows(scope.members("""
                WITH pay AS (
                    SELECT date_trunc('month', day)::date AS month, beneficiary_id AS distributor_id, count(*) AS n,
                           sum(amount) AS pay,
                           coalesce(sum(amount) FILTER (WHERE basis IN ('DOWNLINE_SALE', 'DOWNLINE_PURCHASE')), 0) AS performance
                    FROM read_model.risk_commission
                    WHERE merchant_id = :m AND day <= :asOf AND beneficiary_id IN (members)
                    GROUP BY 1, 2
                ), retail AS (
                    SELECT date_trunc('month', day)::date AS month, seller_id AS distributor_id, count(*) AS n,
                           sum(amount) AS own_retail, count(DISTINCT customer_ref) AS customers
                    FROM read_model.risk_sale
                    WHERE merchant_id = :m AND day <= :asOf AND buyer_id IS NULL AND seller_id IN (members)
                    GROUP BY 1, 2
                )
                SELECT pay.month, pay.distributor_id, pay.pay, pay.performance,
                       coalesce(retail.own_retail, 0) AS own_retail, coalesce(retail.customers, 0) AS customers,
                       pay.n + coalesce(retail.n, 0) AS events
                FROM pay LEFT JOIN retail USING (month, distributor_id)
                ORDER BY pay.month, pay.distributor_id"""), params, (row, n) -> new EarnerMonth(
                YearMonth.from(row.getDate("month").toLocalDate()), row.getString("distributor_id"), row.getLong("pay"),
                row.getLong("performance"), row.getLong("own_retail"), row.getLong("customers"), row.getLong("events")));
    }

    /**
     * The first {@value #EARNER_EVENTS} commissions, then the first {@value #EARNER_EVENTS} retail
     * sales, of each earner's month, for the few earners a finding shows.
     */
    EarnerEvidence earnerEvidence(MapSqlParameterSource params) {
        return earners -> {
            if (earners.isEmpty()) {
                return List.of();
            }
            var shown = new MapSqlParameterSource(params.getValues())
                    .addValue("months", earners.stream().map(e -> e.month().atDay(1).toString()).toArray(String[]::new))
                    .addValue("distributors", earners.stream().map(EarnerMonth::distributorId).toArray(String[]::new))
                    .addValue("from", Date.valueOf(earners.stream().map(EarnerMonth::month).min(YearMonth::compareTo)
                            .orElseThrow().atDay(1)))
                    .addValue("most", Evidence.MOST)
                    .addValue("each", EARNER_EVENTS);
            // the days of the months shown bound both scans, so a finding of one month reads that month
            return queries.jdbc.queryForList("""
                    WITH shown AS (
                        SELECT * FROM unnest(CAST(:months AS DATE[]), CAST(:distributors AS VARCHAR[]))
                                      WITH ORDINALITY AS s(month, distributor_id, place)
                    ), events AS (
                        SELECT s.place, 1 AS part, c.event_id,
                               row_number() OVER (PARTITION BY s.place ORDER BY c.occurred_at, c.event_id) AS n
                        FROM read_model.risk_commission c
                        JOIN shown s ON c.beneficiary_id = s.distributor_id
                                    AND c.day >= s.month AND c.day < s.month + INTERVAL '1 month'
                        WHERE c.merchant_id = :m AND c.day >= :from AND c.day <= :asOf
                        UNION ALL
                        SELECT s.place, 2, r.event_id,
                               row_number() OVER (PARTITION BY s.place ORDER BY r.occurred_at, r.event_id)
                        FROM read_model.risk_sale r
                        JOIN shown s ON r.seller_id = s.distributor_id
                                    AND r.day >= s.month AND r.day < s.month + INTERVAL '1 month'
                        WHERE r.merchant_id = :m AND r.day >= :from AND r.day <= :asOf AND r.buyer_id IS NULL
                    )
                    SELECT event_id FROM events WHERE n <= :each ORDER BY place, part, n LIMIT :most""",
                    shown, String.class);
        };
    }

    private Tally tally(NetworkScope scope, MapSqlParameterSource params, String condition) {
        return queries.tally(scope.members("""
                SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount,
                       (array_agg(event_id ORDER BY occurred_at, event_id))[1 : :cap] AS ids
                FROM read_model.risk_commission
                WHERE merchant_id = :m AND day <= :asOf AND beneficiary_id IN (members) AND %s""".formatted(condition)),
                params);
    }
}
