package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import com.marketplaceledger.supervision.detection.rules.TeamPaidMonth;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;

import static com.marketplaceledger.supervision.detection.facts.FactQueries.evidence;

/** The sales team pay was paid on, month by month: from the risk facts' sales and commissions. */
@Component
class TeamPaidSaleFacts {

    private final FactQueries queries;

    TeamPaidSaleFacts(FactQueries queries) {
        this.queries = queries;
    }

    /**
     * Per calendar month of the sale, the sales on which a member was paid at level 2 or deeper,
     * split by buyer, and that pay. A sale counts once however many levels it paid.
     */
    List<TeamPaidMonth> months(NetworkScope scope, MapSqlParameterSource params) {
        return queries.jdbc.query(scope.members("""
                WITH team AS (
                    SELECT sale_id, event_id, amount, occurred_at FROM read_model.risk_commission
                    WHERE merchant_id = :m AND day <= :asOf AND beneficiary_id IN (members)
                      AND basis IN ('DOWNLINE_SALE', 'DOWNLINE_PURCHASE') AND level >= 2 AND sale_id IS NOT NULL
                ), sold AS (
                    SELECT date_trunc('month', day)::date AS month, sale_id, event_id, amount, occurred_at,
                           buyer_id IS NOT NULL AS internal
                    FROM read_model.risk_sale
                    WHERE merchant_id = :m AND day <= :asOf AND sale_id IN (SELECT sale_id FROM team)
                ), by_buyer AS (
                    SELECT month,
                           count(*) FILTER (WHERE internal) AS internal_n,
                           coalesce(sum(amount) FILTER (WHERE internal), 0) AS internal,
                           (array_agg(event_id ORDER BY amount DESC, occurred_at, event_id)
                                FILTER (WHERE internal))[1 : :cap] AS internal_ids,
                           count(*) FILTER (WHERE NOT internal) AS retail_n,
                           coalesce(sum(amount) FILTER (WHERE NOT internal), 0) AS retail,
                           (array_agg(event_id ORDER BY occurred_at, event_id)
                                FILTER (WHERE NOT internal))[1 : :cap] AS retail_ids
                    FROM sold GROUP BY month
                ), pay AS (
                    SELECT s.month, count(*) AS n, sum(t.amount) AS amount,
                           (array_agg(t.event_id ORDER BY t.occurred_at, t.event_id))[1 : :cap] AS ids
                    FROM team t JOIN sold s USING (sale_id) GROUP BY s.month
                )
                SELECT b.month, b.internal_n, b.internal, b.internal_ids, b.retail_n, b.retail, b.retail_ids,
                       p.n AS pay_n, p.amount AS pay, p.ids AS pay_ids
                FROM by_buyer b JOIN pay p USING (month)
                ORDER BY b.month"""), params, (row, n) -> new TeamPaidMonth(
                YearMonth.from(row.getDate("month").toLocalDate()),
                new Tally(row.getLong("internal_n"), row.getLong("internal"), evidence(row, "internal_ids", "internal_n")),
                new Tally(row.getLong("retail_n"), row.getLong("retail"), evidence(row, "retail_ids", "retail_n")),
                new Tally(row.getLong("pay_n"), row.getLong("pay"), evidence(row, "pay_ids", "pay_n"))));
    }
}
