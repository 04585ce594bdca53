package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.supervision.detection.rules.Evidence;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.util.List;

/** What the merchant declared its compensation plan to be: from the business facts' plans. */
@Component
class PlanFacts {

    /** The plan in force: its buyback rate (null if it names none) and its declaration. */
    record Plan(Integer buybackBasisPoints, String eventId) {
    }

    private final FactQueries queries;

    PlanFacts(FactQueries queries) {
        this.queries = queries;
    }

    /** Declarations that require a joining fee or a starter package. */
    Evidence gatePlans(MapSqlParameterSource params) {
        List<String> ids = queries.jdbc.queryForList("""
                SELECT event_id FROM business_facts.compensation_plan
                WHERE merchant_id = :m AND declared_at < :asOfEnd
                  AND (jsonb_typeof(plan -> 'joiningFee') = 'object' OR jsonb_typeof(plan -> 'starterPackage') = 'string')
                ORDER BY plan_version""", params, String.class);
        return new Evidence(ids, ids.size());
    }

    /** The newest plan declared by the end of the day, or null without one. */
    Plan planInForce(MapSqlParameterSource params) {
        List<Plan> plans = queries.jdbc.query("""
                SELECT (plan ->> 'buybackBasisPoints')::int AS buyback, event_id FROM business_facts.compensation_plan
                WHERE merchant_id = :m AND declared_at < :asOfEnd ORDER BY plan_version DESC LIMIT 1""",
                params, (row, n) -> new Plan(row.getInt("buyback"), row.getString("event_id")));
        return plans.isEmpty() ? null : plans.get(0);
    }
}
