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
     * first. A recruit is a participant with an upline (one enrolled straight under the merchant has
     * nobody to pay), enrolled at least a window ago: one enrolled since may still buy. Its first
     * purchase of a listing counts when it falls in its window; it is a gate purchase when it paid
     * an upline and the recruit bought the listing no other time, since a price of entry is paid
     * once while goods bought again and again are merchandise (the retail and team-pay rules judge
     * those). Commissions for recruiting are headcount pay already, so only pay on the purchase is
     * counted.
     */
    List<InferredGate> inferredGates(NetworkScope scope, MapSqlParameterSource params) {
        var window = new MapSqlParameterSource(params.getValues()).addValue("windowDays", windowDays);
        String notTheOrganiser = scope.isNetwork() ? "" : "AND distributor_id <> :root";
        return queries.jdbc.query(scope.members("""
                WITH recruits AS (
                    SELECT distributor_id, enrolled_on FROM business_facts.distributor
                    WHERE merchant_id = :m AND enrolled_on <= CAST(:asOf AS DATE) - :windowDays AND sponsor_id IS NOT NULL
                      AND distributor_id IN (members) %s
                ), bought AS (
                    SELECT l.listing_id, s.listing_kind, s.buyer_id, s.sale_id, s.event_id, s.amount, s.occurred_at,
                           s.day <= r.enrolled_on + :windowDays AS on_joining,
                           count(*) OVER (PARTITION BY s.buyer_id, l.listing_id) AS times,
                           row_number() OVER (PARTITION BY s.buyer_id, l.listing_id ORDER BY s.occurred_at, s.event_id) AS nth
                    FROM read_model.risk_sale s
                    JOIN recruits r ON r.distributor_id = s.buyer_id
                    JOIN business_facts.sale_listing l ON l.merchant_id = s.merchant_id AND l.sale_id = s.sale_id
                    WHERE s.merchant_id = :m AND s.day <= :asOf AND s.listing_kind NOT IN %s
                ), early AS (
                    SELECT * FROM bought WHERE nth = 1 AND on_joining
                ), paid AS (
                    SELECT e.listing_id, e.buyer_id, e.sale_id, c.event_id, c.amount, c.occurred_at
                    FROM early e
                    JOIN read_model.risk_commission c ON c.merchant_id = :m AND c.sale_id = e.sale_id
                    WHERE e.times = 1 AND c.day <= :asOf AND c.beneficiary_id <> e.buyer_id
                      AND c.basis NOT IN ('RECRUITMENT', 'JOINING_FEE')
                ), commissions AS (
                    SELECT listing_id, count(DISTINCT buyer_id) AS buyers, count(*) AS n, sum(amount) AS amount,
                           (array_agg(event_id ORDER BY occurred_at, event_id))[1 : :cap] AS ids
                    FROM paid GROUP BY listing_id
                ), purchases AS (
                    SELECT listing_id, count(*) AS n, sum(amount) AS amount,
                           (array_agg(event_id ORDER BY occurred_at, event_id))[1 : :cap] AS ids
                    FROM early WHERE sale_id IN (SELECT sale_id FROM paid) GROUP BY listing_id
                ), uptake AS (
                    SELECT listing_id, min(listing_kind) AS declared_kind, count(*) AS early_buyers
                    FROM early GROUP BY listing_id
                )
                SELECT u.listing_id, u.declared_kind, (SELECT count(*) FROM recruits) AS recruits, u.early_buyers,
                       c.buyers AS gate_buyers, p.n AS purchases, p.amount AS purchase_amount, p.ids AS purchase_ids,
                       c.n AS commissions, c.amount AS commission_amount, c.ids AS commission_ids
                FROM uptake u JOIN commissions c USING (listing_id) JOIN purchases p USING (listing_id)
                ORDER BY c.buyers DESC, u.listing_id""".formatted(notTheOrganiser, SaleFacts.GATE_KINDS)), window,
                (row, n) -> new InferredGate(row.getString("listing_id"), row.getString("declared_kind"), windowDays,
                        row.getLong("recruits"), row.getLong("early_buyers"), row.getLong("gate_buyers"),
                        new Tally(row.getLong("purchases"), row.getLong("purchase_amount"),
                                evidence(row, "purchase_ids", "purchases")),
                        new Tally(row.getLong("commissions"), row.getLong("commission_amount"),
                                evidence(row, "commission_ids", "commissions"))));
    }
}
