package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.rules.NetworkFacts;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.RefundCase;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts.Reorder;
import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.supervision.detection.facts.NetworkScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The signals a regulator weighs beside the rules (docs/detection.md):
 * how revenue splits between end customers, participants and entry payments; how pay splits by
 * basis and level and how concentrated it is; how many participants are out of pocket; how much
 * stock participants buy against what they sell; how fast the network recruits; how refunds go.
 */
@Component
class SignalsLoader {

    record Signals(String merchantId, String subtreeRootId, LocalDate asOf, long people, int levels,
                   Revenue revenue, List<Pay> payByBasisAndLevel, PayConcentration payConcentration,
                   Participants participants, Inventory inventory, List<Recruitment> recruitmentByWeek,
                   Refunds refunds, List<MonthSignals> months) {
    }

    /** Shares are fractions of the revenue (0 to 1, four places). */
    record Revenue(long total, long endCustomers, long participantPurchases, long joiningFees, long gatePurchases,
                   BigDecimal endCustomerShare, BigDecimal internalConsumptionShare, BigDecimal entryPaymentShare) {
    }

    record Pay(String basis, int level, long commissions, long amount) {
    }

    record PayConcentration(long paidParticipants, long totalPay, BigDecimal top1PercentShare,
                            BigDecimal top10PercentShare) {
    }

    /** Out of pocket: commissions received less purchases and joining fees paid is negative. */
    record Participants(long participants, long outOfPocket, BigDecimal outOfPocketShare) {
    }

    record Inventory(long unitsBought, long unitsSoldToEndCustomers, BigDecimal soldThroughShare, long reorders,
                     long reordersBelowSeventyPercent) {
    }

    record Recruitment(LocalDate weekStarting, long joined, int deepestLevel) {
    }

    record Refunds(long requests, long issued, long refused, long unanswered, long refundedAmount, long salesAmount,
                   BigDecimal refundRate) {
    }

    record MonthSignals(String month, long revenue, BigDecimal endCustomerShare, long joiningFees) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final DetectionProperties properties;

    SignalsLoader(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar, DetectionProperties properties) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
    }

    Signals signals(NetworkFacts facts) {
        var scope = new NetworkScope(facts.merchantId(), facts.subtreeRootId(), facts.asOf(), calendar.zone(),
                properties.maxEvidence());
        MapSqlParameterSource params = scope.params();
        long endCustomers = facts.months().stream().mapToLong(m -> m.retail().amount()).sum();
        long purchases = facts.participantPurchases().amount();
        long fees = facts.joiningFees().amount();
        long total = endCustomers + purchases + fees;
        var revenue = new Revenue(total, endCustomers, purchases, fees, facts.gatePurchases().amount(),
                share(endCustomers, total), share(purchases, total), share(fees + facts.gatePurchases().amount(), total));
        List<Pay> pay = jdbc.query(scope.members("""
                SELECT basis, level, count(*) AS n, sum(amount) AS amount FROM read_model.risk_commission
                WHERE merchant_id = :m AND day <= :asOf AND beneficiary_id IN (members)
                GROUP BY basis, level ORDER BY basis, level"""), params,
                (row, n) -> new Pay(row.getString("basis"), row.getInt("level"), row.getLong("n"), row.getLong("amount")));
        long members = scope.isNetwork() ? facts.people() - 1 : facts.people();
        // one pass over the commissions for both: summing a million beneficiaries' pay took seconds each time;
        // ranked in SQL: their totals read into the JVM ran the service out of heap
        var paid = jdbc.queryForObject(scope.members("""
                        WITH paid AS MATERIALIZED (
                            SELECT beneficiary_id AS distributor_id, sum(amount) AS amount FROM read_model.risk_commission
                            WHERE merchant_id = :m AND day <= :asOf AND beneficiary_id IN (members)
                            GROUP BY beneficiary_id
                        ), ranked AS (
                            SELECT amount, row_number() OVER (ORDER BY amount DESC) AS rank FROM paid
                        ), member AS (
                            SELECT distributor_id, coalesce(joining_fee, 0) AS fee FROM business_facts.distributor
                            WHERE merchant_id = :m AND enrolled_on <= :asOf AND distributor_id IN (members)
                        ), bought AS (
                            SELECT buyer_id AS distributor_id, sum(amount) AS amount FROM read_model.risk_sale
                            WHERE merchant_id = :m AND day <= :asOf AND buyer_id IN (members) GROUP BY 1
                        )
                        SELECT count(*) AS paid, coalesce(sum(amount), 0) AS total,
                               coalesce(sum(amount) FILTER (WHERE rank <= :top1), 0) AS top1,
                               coalesce(sum(amount) FILTER (WHERE rank <= :top10), 0) AS top10,
                               (SELECT count(*) FROM member LEFT JOIN paid USING (distributor_id)
                                                           LEFT JOIN bought USING (distributor_id)
                                WHERE coalesce(paid.amount, 0) - coalesce(bought.amount, 0) - member.fee < 0) AS out_of_pocket
                        FROM ranked"""),
                new MapSqlParameterSource(params.getValues())
                        .addValue("top1", topCount(members, 100)).addValue("top10", topCount(members, 10)),
                (row, n) -> new Paid(new PayConcentration(row.getLong("paid"), row.getLong("total"),
                        share(row.getLong("top1"), row.getLong("total")), share(row.getLong("top10"), row.getLong("total"))),
                        row.getLong("out_of_pocket")));
        var participants = new Participants(members, paid.outOfPocket(), share(paid.outOfPocket(), members));
        var units = jdbc.queryForMap(scope.members("""
                SELECT coalesce(sum(quantity) FILTER (WHERE buyer_id IN (members)), 0) AS bought,
                       coalesce(sum(quantity) FILTER (WHERE buyer_id IS NULL AND seller_id IN (members)), 0) AS sold
                FROM read_model.risk_sale WHERE merchant_id = :m AND day <= :asOf AND listing_kind = 'PRODUCT'"""), params);
        long bought = ((Number) units.get("bought")).longValue();
        long sold = ((Number) units.get("sold")).longValue();
        var reorders = new Reorders();
        facts.reorders().forEach(reorders::add);
        var inventory = new Inventory(bought, sold, share(sold, bought), reorders.all, reorders.belowSeventy);
        List<Recruitment> weeks = jdbc.query(scope.members("""
                SELECT date_trunc('week', enrolled_on)::date AS week, count(*) AS joined, max(level) AS deepest
                FROM business_facts.distributor
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND distributor_id IN (members)
                GROUP BY 1 ORDER BY 1"""), params,
                (row, n) -> new Recruitment(row.getDate("week").toLocalDate(), row.getLong("joined"), row.getInt("deepest")));
        Long sales = jdbc.queryForObject(scope.members("""
                SELECT coalesce(sum(amount), 0) FROM read_model.risk_sale
                WHERE merchant_id = :m AND day <= :asOf AND (%s OR seller_id IN (members) OR buyer_id IN (members))"""
                .formatted(scope.isNetwork() ? "TRUE" : "FALSE")), params, Long.class);
        long refundedAmount = refunded(scope, params);
        long salesAmount = sales == null ? 0 : sales;
        var answers = new Answers();
        facts.refunds().forEach(answers::add);
        var refunds = new Refunds(answers.requests, answers.issued, answers.refused,
                answers.requests - answers.issued - answers.refused,
                refundedAmount, salesAmount, share(refundedAmount, salesAmount));
        var months = new ArrayList<MonthSignals>();
        facts.months().forEach(m -> months.add(new MonthSignals(m.month().toString(), m.revenue(),
                share(m.retail().amount(), m.revenue()), m.joiningFees().amount())));
        return new Signals(facts.merchantId(), facts.subtreeRootId(), facts.asOf(), facts.people(), facts.levels(),
                revenue, pay, paid.concentration(), participants, inventory, weeks, refunds, months);
    }

    private record Paid(PayConcentration concentration, long outOfPocket) {
    }

    /** Reorders, and those made before 70 % of the units bought earlier were sold. */
    private static final class Reorders {

        private long all;
        private long belowSeventy;

        void add(Reorder reorder) {
            all++;
            if (reorder.unitsSoldBefore() * 10 < reorder.unitsBoughtBefore() * 7) {
                belowSeventy++;
            }
        }
    }

    /** Refund requests, and how many of them were issued and refused. */
    private static final class Answers {

        private long requests;
        private long issued;
        private long refused;

        void add(RefundCase refund) {
            requests++;
            if ("ISSUED".equals(refund.answer())) {
                issued++;
            } else if ("REFUSED".equals(refund.answer())) {
                refused++;
            }
        }
    }

    private long refunded(NetworkScope scope, MapSqlParameterSource params) {
        Long amount = jdbc.queryForObject(scope.members("""
                SELECT coalesce(sum(amount), 0) FROM business_facts.account_entry
                WHERE merchant_id = :m AND kind = 'REFUND_PAID' AND day <= :asOf
                  AND (party_id = '#merchant' OR party_id IN (members))"""), params, Long.class);
        return amount == null ? 0 : amount;
    }

    /** How many are the top {@code 1/divisor} of the participants (at least one). */
    private static long topCount(long participants, int divisor) {
        return Math.max(1, participants / divisor);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
