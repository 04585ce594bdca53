package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts.RefundCase;
import com.marketplaceledger.supervision.detection.rules.Rows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import static com.marketplaceledger.supervision.detection.facts.FactQueries.instant;

/** Refund requests and their answers: from the risk facts' refunds. */
@Component
class RefundFacts {

    private final FactQueries queries;

    RefundFacts(FactQueries queries) {
        this.queries = queries;
    }

    /** Refund requests made by the day, with their answers as far as they were given by then. */
    Rows<RefundCase> refunds(NetworkScope scope, MapSqlParameterSource params) {
        String inScope = scope.isNetwork() ? "TRUE" : "(s.seller_id IN (members) OR s.buyer_id IN (members))";
        return queries.rows(scope.members("""
                SELECT r.sale_id, r.refund_id, s.buyer_id IS NOT NULL AS participant, s.occurred_at AS sold_at,
                       r.requested_at, r.request_event_id,
                       CASE WHEN r.answered_at < :asOfEnd THEN r.answer END AS answer,
                       CASE WHEN r.answered_at < :asOfEnd THEN r.answered_at END AS answered_at,
                       CASE WHEN r.answered_at < :asOfEnd THEN r.answer_event_id END AS answer_event_id
                FROM read_model.risk_refund r
                JOIN read_model.risk_sale s ON s.merchant_id = r.merchant_id AND s.sale_id = r.sale_id
                WHERE r.merchant_id = :m AND r.requested_at < :asOfEnd AND %s
                ORDER BY r.requested_at, r.sale_id, r.refund_id""".formatted(inScope)), params, (row, n) ->
                new RefundCase(row.getString("sale_id"), row.getString("refund_id"), row.getBoolean("participant"),
                        row.getTimestamp("sold_at").toInstant(), row.getTimestamp("requested_at").toInstant(),
                        row.getString("answer"), instant(row.getTimestamp("answered_at")),
                        row.getString("request_event_id"), row.getString("answer_event_id")));
    }
}
