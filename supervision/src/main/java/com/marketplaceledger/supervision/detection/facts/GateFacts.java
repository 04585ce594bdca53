package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.supervision.detection.DetectionProperties;
import com.marketplaceledger.supervision.detection.rules.InferredGate;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.marketplaceledger.supervision.detection.facts.FactQueries.evidence;

/**
 * Gates found from behaviour: per listing not declared a gate, how many recruits bought it
 * themselves within the window after their enrolment, and what that paid their uplines. From the
 * enrolments and the sales' listings of the business facts, and the risk facts' sales and
 * commissions.
 */
@Component
class GateFacts {

    private final FactQueries queries;
    private final int windowDays;

    GateFacts(FactQueries queries, DetectionProperties properties) {
        this.queries = queries;
        this.windowDays = properties.gate().windowDays();
    }

    /**
     * Every listing on which a recruit's purchase on joining paid an upline, the most taken up
     * first. A recruit's first purchase of a listing in its window is the one counted; recruits
     * enrolled less than a window ago are left out of both counts, since they may still buy.
     * Commissions for recruiting are headcount pay already, so only pay on the purchase is counted.
     */
    List<InferredGate> inferredGates(NetworkScope scope, MapSqlParameterSource params) {
        var window = new MapSqlParameterSource(params.getValues()).addValue("windowDays", windowDays);
        String notTheOrganiser = scope.isNetwork() ? "" : "AND distributor_id <> :root";
        return queries.jdbc.query(scope.members("""
                WITH recruits AS (
                    SELECT distributor_id, enrolled_on FROM business_facts.distributor
                    WHERE merchant_id = :m AND enrolled_on <= CAST(:asOf AS DATE) - :windowDays
                      AND distributor_id IN (members) %s
                ), early AS (
                    SELECT DISTINCT ON (s.buyer_id, l.listing_id)
                           l.listing_id, s.listing_kind, s.buyer_id, s.sale_id, s.event_id, s.amount, s.occurred_at
                    FROM read_model.risk_sale s
                    JOIN recruits r ON r.distributor_id = s.buyer_id
                    JOIN business_facts.sale_listing l ON l.merchant_id = s.merchant_id AND l.sale_id = s.sale_id
                    WHERE s.merchant_id = :m AND s.day <= :asOf AND s.day <= r.enrolled_on + :windowDays
                      AND s.listing_kind NOT IN %s
                    ORDER BY s.buyer_id, l.listing_id, s.occurred_at, s.event_id
                ), paid AS (
                    SELECT e.listing_id, count(DISTINCT e.buyer_id) AS buyers, count(*) AS n, sum(c.amount) AS amount,
                           (array_agg(c.event_id ORDER BY c.occurred_at, c.event_id))[1 : :cap] AS ids
                    FROM early e
                    JOIN read_model.risk_commission c ON c.merchant_id = :m AND c.sale_id = e.sale_id
                    WHERE c.day <= :asOf AND c.beneficiary_id <> e.buyer_id AND c.basis NOT IN ('RECRUITMENT', 'JOINING_FEE')
                    GROUP BY e.listing_id
                ), bought AS (
                    SELECT listing_id, min(listing_kind) AS declared_kind, count(*) AS n, sum(amount) AS amount,
                           (array_agg(event_id ORDER BY occurred_at, event_id))[1 : :cap] AS ids
                    FROM early GROUP BY listing_id
                )
                SELECT b.listing_id, b.declared_kind, (SELECT count(*) FROM recruits) AS recruits,
                       b.n AS early_buyers, b.amount AS purchase_amount, b.ids AS purchase_ids,
                       p.buyers AS commissioned_buyers, p.n AS commissions, p.amount AS commission_amount,
                       p.ids AS commission_ids
                FROM bought b JOIN paid p USING (listing_id)
                ORDER BY p.buyers DESC, b.listing_id""".formatted(notTheOrganiser, SaleFacts.GATE_KINDS)), window,
                (row, n) -> new InferredGate(row.getString("listing_id"), row.getString("declared_kind"), windowDays,
                        row.getLong("recruits"), row.getLong("early_buyers"), row.getLong("commissioned_buyers"),
                        new Tally(row.getLong("early_buyers"), row.getLong("purchase_amount"),
                                evidence(row, "purchase_ids", "early_buyers")),
                        new Tally(row.getLong("commissions"), row.getLong("commission_amount"),
                                evidence(row, "commission_ids", "commissions"))));
    }
}
