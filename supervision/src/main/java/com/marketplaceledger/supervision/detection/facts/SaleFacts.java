package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.supervision.detection.rules.Evidence;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Reorder;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import com.marketplaceledger.supervision.detection.rules.Rows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import static com.marketplaceledger.supervision.detection.facts.FactQueries.evidence;

/** Sales and participants' purchases: from the risk facts' sales. */
@Component
class SaleFacts {

    /** The goods that are an entry fee in disguise (禁止传销条例 Art. 7(2)). */
    static final String GATE_KINDS = "('STARTER_PACKAGE', 'MEMBERSHIP', 'FRANCHISE', 'BRANCH_STAKE')";

    /** One month's sales to end customers against participants' purchases. */
    record MonthSales(Tally retail, Tally participantPurchases) {
    }

    private final FactQueries queries;

    SaleFacts(FactQueries queries) {
        this.queries = queries;
    }

    Tally participantPurchases(NetworkScope scope, MapSqlParameterSource params) {
        return tally(scope, params, "buyer_id IN (members)");
    }

    Tally gatePurchases(NetworkScope scope, MapSqlParameterSource params) {
        return tally(scope, params, "buyer_id IN (members) AND listing_kind IN " + GATE_KINDS);
    }

    Tally productRetail(NetworkScope scope, MapSqlParameterSource params) {
        return tally(scope, params, "buyer_id IS NULL AND listing_kind = 'PRODUCT' AND " + retailSellers(scope));
    }

    Tally productInternal(NetworkScope scope, MapSqlParameterSource params) {
        return tally(scope, params, "buyer_id IN (members) AND listing_kind = 'PRODUCT'");
    }

    /** What participants paid for goods, in CNY fen. */
    long collectedFromParticipantsCny(NetworkScope scope, MapSqlParameterSource params) {
        return queries.sum(scope.members("""
                SELECT coalesce(sum(amount) FILTER (WHERE currency = 'CNY'), 0) AS cny FROM read_model.risk_sale
                WHERE merchant_id = :m AND day <= :asOf AND buyer_id IN (members)"""), params);
    }

    /** Revenue per calendar month: from end customers against what participants paid. */
    Map<YearMonth, MonthSales> monthly(NetworkScope scope, MapSqlParameterSource params) {
        var months = new TreeMap<YearMonth, MonthSales>();
        queries.jdbc.query(scope.members("""
                SELECT date_trunc('month', day)::date AS month,
                       count(*) FILTER (WHERE buyer_id IS NULL) AS retail_n,
                       coalesce(sum(amount) FILTER (WHERE buyer_id IS NULL), 0) AS retail,
                       count(*) FILTER (WHERE buyer_id IS NOT NULL) AS internal_n,
                       coalesce(sum(amount) FILTER (WHERE buyer_id IS NOT NULL), 0) AS internal,
                       (array_agg(event_id ORDER BY amount DESC, occurred_at, event_id)
                            FILTER (WHERE buyer_id IS NOT NULL))[1 : :cap] AS internal_ids
                FROM read_model.risk_sale
                WHERE merchant_id = :m AND day <= :asOf
                  AND ((buyer_id IS NULL AND %s) OR buyer_id IN (members))
                GROUP BY 1""".formatted(retailSellers(scope))), params, row -> {
            months.put(YearMonth.from(row.getDate("month").toLocalDate()), new MonthSales(
                    new Tally(row.getLong("retail_n"), row.getLong("retail"), Evidence.NONE),
                    new Tally(row.getLong("internal_n"), row.getLong("internal"), evidence(row, "internal_ids", "internal_n"))));
        });
        return months;
    }

    /**
     * Every product purchase of a participant after its first, with its sell-through before it:
     * one pass over each participant's purchases and retail sales in time order (a sale at the
     * same instant as a purchase counts after it).
     */
    Rows<Reorder> reorders(NetworkScope scope, MapSqlParameterSource params) {
        return queries.rows(scope.members("""
                WITH product AS (
                    SELECT buyer_id AS distributor_id, sale_id, event_id, occurred_at, quantity AS bought, 0 AS sold,
                           TRUE AS purchase
                    FROM read_model.risk_sale
                    WHERE merchant_id = :m AND day <= :asOf AND listing_kind = 'PRODUCT' AND buyer_id IN (members)
                    UNION ALL
                    SELECT seller_id, sale_id, event_id, occurred_at, 0, quantity, FALSE
                    FROM read_model.risk_sale
                    WHERE merchant_id = :m AND day <= :asOf AND listing_kind = 'PRODUCT' AND buyer_id IS NULL
                      AND seller_id IN (members)
                ), running AS (
                    SELECT product.*,
                           sum(bought) OVER w - bought AS bought_before,
                           sum(sold) OVER w AS sold_before,
                           count(*) FILTER (WHERE purchase) OVER w AS n
                    FROM product
                    WINDOW w AS (PARTITION BY distributor_id ORDER BY occurred_at, purchase DESC, sale_id
                                 ROWS UNBOUNDED PRECEDING)
                ), commissioned AS (
                    SELECT DISTINCT sale_id FROM read_model.risk_commission
                    WHERE merchant_id = :m AND day <= :asOf AND basis = 'DOWNLINE_PURCHASE'
                )
                SELECT r.distributor_id, r.event_id, r.occurred_at, r.bought_before, r.sold_before,
                       c.sale_id IS NOT NULL AS commissioned
                FROM running r LEFT JOIN commissioned c USING (sale_id)
                WHERE r.purchase AND r.n > 1
                ORDER BY r.occurred_at, r.sale_id"""), params, (row, n) -> new Reorder(row.getString("distributor_id"),
                row.getString("event_id"), row.getTimestamp("occurred_at").toInstant(), row.getLong("bought_before"),
                row.getLong("sold_before"), row.getBoolean("commissioned")));
    }

    /** A network's retail is every sale to an end customer; a subtree's, its members' sales. */
    private static String retailSellers(NetworkScope scope) {
        return scope.isNetwork() ? "TRUE" : "seller_id IN (members)";
    }

    private Tally tally(NetworkScope scope, MapSqlParameterSource params, String condition) {
        return queries.tally(scope.members("""
                SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount,
                       (array_agg(event_id ORDER BY occurred_at, event_id))[1 : :cap] AS ids
                FROM read_model.risk_sale WHERE merchant_id = :m AND day <= :asOf AND %s""".formatted(condition)), params);
    }
}
