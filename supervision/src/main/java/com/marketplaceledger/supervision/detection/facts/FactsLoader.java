package com.marketplaceledger.supervision.detection.facts;

import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Month;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Tally;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads what the rules judge about one network, as of a business day: one query object per
 * family of facts (enrolments, sales, commissions, refunds, plans, penalties, gates found from
 * behaviour, team-paid sales), over the business
 * facts views and supervision's own risk facts and case files. Every count comes with the events
 * that prove it (at most {@code ledger.detection.max-evidence} of them per fact).
 *
 * <p>A scope is a merchant's whole network or one distributor's subtree; its members are the
 * distributors enrolled by the day. For a network the merchant itself is the organiser, person 1
 * at level 1; for a subtree the root is.
 *
 * <p>Some facts are read only when a rule passes over them (the streamed rows, the earners'
 * evidence), after the counts beside them: callers read a judgement in one snapshot of the read
 * models, so that these come from the same snapshot.
 */
@Component
public class FactsLoader {

    private final FactQueries queries;
    private final EnrolmentFacts enrolments;
    private final SaleFacts sales;
    private final CommissionFacts commissions;
    private final RefundFacts refunds;
    private final PlanFacts plans;
    private final PenaltyFacts penalties;
    private final GateFacts gates;
    private final TeamPaidSaleFacts teamPaidSales;
    private final BusinessCalendar calendar;

    FactsLoader(FactQueries queries, EnrolmentFacts enrolments, SaleFacts sales, CommissionFacts commissions,
                RefundFacts refunds, PlanFacts plans, PenaltyFacts penalties, GateFacts gates,
                TeamPaidSaleFacts teamPaidSales, BusinessCalendar calendar) {
        this.queries = queries;
        this.enrolments = enrolments;
        this.sales = sales;
        this.commissions = commissions;
        this.refunds = refunds;
        this.plans = plans;
        this.penalties = penalties;
        this.gates = gates;
        this.teamPaidSales = teamPaidSales;
        this.calendar = calendar;
    }

    /**
     * The day a live judgement is made as of: the newest business day of the network's events, or
     * today if that lies ahead. A history imported late is then judged as it unfolded (a refund
     * request is not overdue because its answer comes a few lines further down the import).
     */
    public LocalDate liveDay(String merchantId, LocalDate today) {
        LocalDate newest = queries.jdbc.queryForObject("""
                SELECT max(day) AS newest FROM (
                    SELECT max(enrolled_on) AS day FROM business_facts.distributor WHERE merchant_id = :m
                    UNION ALL SELECT max(day) FROM read_model.risk_sale WHERE merchant_id = :m
                    UNION ALL SELECT max(day) FROM read_model.risk_commission WHERE merchant_id = :m
                    UNION ALL SELECT max(CAST(greatest(requested_at, answered_at) AT TIME ZONE :zone AS DATE))
                              FROM read_model.risk_refund WHERE merchant_id = :m
                    UNION ALL SELECT max(CAST(declared_at AT TIME ZONE :zone AS DATE))
                              FROM business_facts.compensation_plan WHERE merchant_id = :m
                ) days""", new MapSqlParameterSource("m", merchantId).addValue("zone", calendar.zoneOf(merchantId).getId()),
                LocalDate.class);
        return newest == null || newest.isAfter(today) ? today : newest;
    }

    public NetworkFacts load(String merchantId, String subtreeRootId, LocalDate asOf) {
        var scope = new NetworkScope(merchantId, subtreeRootId, asOf, calendar.zoneOf(merchantId), queries.maxEvidence);
        var params = scope.params();
        var shape = enrolments.shape(scope, params);
        var joiningFees = enrolments.joiningFees(scope, params);
        var plan = plans.planInForce(params);
        return new NetworkFacts(
                merchantId,
                subtreeRootId,
                asOf,
                shape.people(),
                shape.levels(),
                shape.enrolments(),
                joiningFees.tally(),
                sales.gatePurchases(scope, params),
                plans.gatePlans(params),
                commissions.headcountPay(scope, params),
                commissions.teamPay(scope, params),
                sales.participantPurchases(scope, params),
                sales.collectedFromParticipantsCny(scope, params) + joiningFees.cny(),
                sales.productRetail(scope, params),
                sales.productInternal(scope, params),
                months(scope, params),
                commissions.earners(scope, params),
                commissions.earnerEvidence(params),
                sales.reorders(scope, params),
                refunds.refunds(scope, params),
                plan == null ? null : plan.buybackBasisPoints(),
                plan == null ? null : plan.eventId(),
                penalties.penalty(scope, params),
                scope.zone(),
                gates.inferredGates(scope, params),
                teamPaidSales.months(scope, params));
    }

    /** Revenue per month: from end customers against what participants paid, their joining fees beside. */
    private List<Month> months(NetworkScope scope, MapSqlParameterSource params) {
        var sold = sales.monthly(scope, params);
        var fees = enrolments.monthlyFees(scope, params);
        var months = new TreeSet<YearMonth>(sold.keySet());
        months.addAll(fees.keySet());
        var result = new ArrayList<Month>();
        for (YearMonth month : months) {
            var inMonth = sold.get(month);
            result.add(new Month(month, inMonth == null ? Tally.NONE : inMonth.retail(),
                    inMonth == null ? Tally.NONE : inMonth.participantPurchases(), fees.getOrDefault(month, Tally.NONE)));
        }
        return result;
    }
}
