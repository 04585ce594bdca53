package com.marketplaceledger.query.detection;

import com.marketplaceledger.query.detection.rules.Evidence;
import com.marketplaceledger.query.detection.rules.NetworkFacts;
import com.marketplaceledger.query.detection.rules.NetworkFacts.EarnerEvidence;
import com.marketplaceledger.query.detection.rules.NetworkFacts.EarnerMonth;
import com.marketplaceledger.query.detection.rules.NetworkFacts.Month;
import com.marketplaceledger.query.detection.rules.NetworkFacts.Penalty;
import com.marketplaceledger.query.detection.rules.NetworkFacts.RefundCase;
import com.marketplaceledger.query.detection.rules.NetworkFacts.Reorder;
import com.marketplaceledger.query.detection.rules.NetworkFacts.Tally;
import com.marketplaceledger.query.detection.rules.Rows;
import com.marketplaceledger.query.projection.BusinessCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads what the rules judge about one network, as of a business day, from the genealogy,
 * risk-facts and case-work read models. Every count comes with the events that prove it (at most
 * {@code ledger.detection.max-evidence} of them per fact).
 *
 * <p>A scope is a merchant's whole network or one distributor's subtree; its members are the
 * distributors enrolled by the day. For a network the merchant itself is the organiser, person 1
 * at level 1; for a subtree the root is.
 *
 * <p>Some facts are read only when a rule passes over them (the streamed rows, the earners'
 * evidence), after the counts beside them: callers read a judgement in one {@link
 * ReadModelSnapshot}, so that these come from the same snapshot.
 */
@Component
class FactsLoader {

    /** The goods that are an entry fee in disguise (禁止传销条例 Art. 7(2)). */
    private static final String GATE_KINDS = "('STARTER_PACKAGE', 'MEMBERSHIP', 'FRANCHISE', 'BRANCH_STAKE')";

    /** Rows a streamed fact is fetched by: a network's millions never sit in memory at once. */
    private static final int FETCH_SIZE = 1_000;

    /** Commissions, and retail sales, shown per earner's month. */
    private static final int EARNER_EVENTS = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate reading;
    private final BusinessCalendar calendar;
    private final DetectionProperties properties;

    FactsLoader(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, BusinessCalendar calendar,
                DetectionProperties properties) {
        this.jdbc = jdbc;
        var fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        // PostgreSQL fetches by a cursor only inside a transaction; without one it sends every row at once
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.calendar = calendar;
        this.properties = properties;
    }

    /**
     * The day a live judgement is made as of: the newest business day of the network's events, or
     * today if that lies ahead. A history imported late is then judged as it unfolded (a refund
     * request is not overdue because its answer comes a few lines further down the import).
     */
    LocalDate liveDay(String merchantId, LocalDate today) {
        LocalDate newest = jdbc.queryForObject("""
                SELECT max(day) FROM (
                    SELECT max(enrolled_on) AS day FROM read_model.distributor WHERE merchant_id = :m
                    UNION ALL SELECT max(day) FROM read_model.risk_sale WHERE merchant_id = :m
                    UNION ALL SELECT max(day) FROM read_model.risk_commission WHERE merchant_id = :m
                    UNION ALL SELECT max(CAST(greatest(requested_at, answered_at) AT TIME ZONE :zone AS DATE))
                              FROM read_model.risk_refund WHERE merchant_id = :m
                    UNION ALL SELECT max(CAST(declared_at AT TIME ZONE :zone AS DATE))
                              FROM read_model.compensation_plan WHERE merchant_id = :m
                ) days""", new MapSqlParameterSource("m", merchantId).addValue("zone", calendar.zoneOf(merchantId).getId()),
                LocalDate.class);
        return newest == null || newest.isAfter(today) ? today : newest;
    }

    NetworkFacts load(String merchantId, String subtreeRootId, LocalDate asOf) {
        var scope = new NetworkScope(merchantId, subtreeRootId, asOf, calendar.zoneOf(merchantId), properties.maxEvidence());
        var params = scope.params();
        Shape shape = shape(scope, params);
        Fees joiningFees = jdbc.queryForObject(scope.members("""
                SELECT count(*) AS n, coalesce(sum(joining_fee), 0) AS amount,
                       coalesce(sum(joining_fee) FILTER (WHERE joining_currency = 'CNY'), 0) AS cny,
                       (array_agg(event_id ORDER BY enrolled_at, event_id))[1 : %d] AS ids
                FROM read_model.distributor
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND joining_fee IS NOT NULL AND distributor_id IN (members)"""
                .formatted(properties.maxEvidence())), params, (row, n) -> new Fees(new Tally(row.getLong("n"),
                row.getLong("amount"), new Evidence(ids(row, "ids"), row.getLong("n"))), row.getLong("cny")));
        Tally participantPurchases = tally(scope.members(salesTally("buyer_id IN (members)")), params);
        Tally gatePurchases = tally(scope.members(salesTally("buyer_id IN (members) AND listing_kind IN " + GATE_KINDS)), params);
        long collectedCny = cny(scope.members("""
                SELECT coalesce(sum(amount) FILTER (WHERE currency = 'CNY'), 0) FROM read_model.risk_sale
                WHERE merchant_id = :m AND day <= :asOf AND buyer_id IN (members)"""), params) + joiningFees.cny();
        String retailSellers = scope.isNetwork() ? "TRUE" : "seller_id IN (members)";
        var plan = planInForce(params);
        return new NetworkFacts(
                merchantId,
                subtreeRootId,
                asOf,
                shape.people(),
                shape.levels(),
                shape.enrolments(),
                joiningFees.tally(),
                gatePurchases,
                gatePlans(params),
                tally(scope.members(commissionTally("basis IN ('RECRUITMENT', 'JOINING_FEE')")), params),
                tally(scope.members(commissionTally("basis IN ('DOWNLINE_SALE', 'DOWNLINE_PURCHASE') AND level >= 2")), params),
                participantPurchases,
                collectedCny,
                tally(scope.members(salesTally("buyer_id IS NULL AND listing_kind = 'PRODUCT' AND " + retailSellers)), params),
                tally(scope.members(salesTally("buyer_id IN (members) AND listing_kind = 'PRODUCT'")), params),
                months(scope, params, retailSellers),
                earners(scope, params),
                earnerEvidence(params),
                reorders(scope, params),
                refunds(scope, params),
                plan == null ? null : plan.buyback(),
                plan == null ? null : plan.eventId(),
                penalty(scope, params),
                scope.zone());
    }

    private record Shape(long people, int levels, Evidence enrolments) {
    }

    private record Fees(Tally tally, long cny) {
    }

    private Shape shape(NetworkScope scope, MapSqlParameterSource params) {
        var counted = jdbc.queryForMap(scope.members("""
                SELECT count(*) AS n, coalesce(max(level), 0) AS deepest, min(level) AS top
                FROM read_model.distributor
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND distributor_id IN (members)"""), params);
        long members = ((Number) counted.get("n")).longValue();
        int deepest = ((Number) counted.get("deepest")).intValue();
        long people = scope.isNetwork() ? members + 1 : members;
        int levels = scope.isNetwork() ? deepest + 1 : members == 0 ? 0 : deepest - ((Number) counted.get("top")).intValue() + 1;
        // the deepest line first: it proves the depth; then the rest in the order they joined
        List<String> ids = jdbc.queryForList(scope.members("""
                WITH deepest AS (
                    SELECT distributor_id, upline FROM read_model.distributor
                    WHERE merchant_id = :m AND enrolled_on <= :asOf AND distributor_id IN (members)
                    ORDER BY level DESC, enrolled_at, distributor_id LIMIT 1)
                SELECT event_id FROM read_model.distributor d
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND distributor_id IN (members)
                ORDER BY (d.distributor_id = (SELECT distributor_id FROM deepest)
                          OR d.distributor_id = ANY (SELECT unnest(upline) FROM deepest)) DESC, level, enrolled_at, event_id
                LIMIT :cap"""), params, String.class);
        return new Shape(people, levels, new Evidence(ids, members));
    }

    private static String salesTally(String condition) {
        return """
                SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount,
                       (array_agg(event_id ORDER BY occurred_at, event_id))[1 : %%d] AS ids
                FROM read_model.risk_sale WHERE merchant_id = :m AND day <= :asOf AND %s""".formatted(condition);
    }

    private static String commissionTally(String condition) {
        return """
                SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount,
                       (array_agg(event_id ORDER BY occurred_at, event_id))[1 : %%d] AS ids
                FROM read_model.risk_commission
                WHERE merchant_id = :m AND day <= :asOf AND beneficiary_id IN (members) AND %s""".formatted(condition);
    }

    private Tally tally(String sql, MapSqlParameterSource params) {
        return jdbc.queryForObject(sql.formatted(properties.maxEvidence()), params,
                (row, n) -> new Tally(row.getLong("n"), row.getLong("amount"), new Evidence(ids(row, "ids"), row.getLong("n"))));
    }

    private long cny(String sql, MapSqlParameterSource params) {
        Long value = jdbc.queryForObject(sql, params, Long.class);
        return value == null ? 0 : value;
    }

    private Evidence gatePlans(MapSqlParameterSource params) {
        List<String> ids = jdbc.queryForList("""
                SELECT event_id FROM read_model.compensation_plan
                WHERE merchant_id = :m AND declared_at < :asOfEnd
                  AND (jsonb_typeof(plan -> 'joiningFee') = 'object' OR jsonb_typeof(plan -> 'starterPackage') = 'string')
                ORDER BY plan_version""", params, String.class);
        return new Evidence(ids, ids.size());
    }

    private record Plan(Integer buyback, String eventId) {
    }

    private Plan planInForce(MapSqlParameterSource params) {
        List<Plan> plans = jdbc.query("""
                SELECT (plan ->> 'buybackBasisPoints')::int AS buyback, event_id FROM read_model.compensation_plan
                WHERE merchant_id = :m AND declared_at < :asOfEnd ORDER BY plan_version DESC LIMIT 1""",
                params, (row, n) -> new Plan(row.getInt("buyback"), row.getString("event_id")));
        return plans.isEmpty() ? null : plans.get(0);
    }

    /** Revenue per month: from end customers against what participants paid. */
    private List<Month> months(NetworkScope scope, MapSqlParameterSource params, String retailSellers) {
        var months = new TreeMap<YearMonth, Month>();
        int cap = properties.maxEvidence();
        jdbc.query(scope.members("""
                SELECT date_trunc('month', day)::date AS month,
                       count(*) FILTER (WHERE buyer_id IS NULL) AS retail_n,
                       coalesce(sum(amount) FILTER (WHERE buyer_id IS NULL), 0) AS retail,
                       count(*) FILTER (WHERE buyer_id IS NOT NULL) AS internal_n,
                       coalesce(sum(amount) FILTER (WHERE buyer_id IS NOT NULL), 0) AS internal,
                       (array_agg(event_id ORDER BY amount DESC, occurred_at, event_id) FILTER (WHERE buyer_id IS NOT NULL))[1 : %d] AS internal_ids
                FROM read_model.risk_sale
                WHERE merchant_id = :m AND day <= :asOf
                  AND ((buyer_id IS NULL AND %s) OR buyer_id IN (members))
                GROUP BY 1""".formatted(cap, retailSellers)), params, row -> {
            YearMonth month = YearMonth.from(row.getDate("month").toLocalDate());
            months.put(month, new Month(month,
                    new Tally(row.getLong("retail_n"), row.getLong("retail"), Evidence.NONE),
                    new Tally(row.getLong("internal_n"), row.getLong("internal"),
                            new Evidence(ids(row, "internal_ids"), row.getLong("internal_n"))),
                    Tally.NONE));
        });
        jdbc.query(scope.members("""
                SELECT date_trunc('month', enrolled_on)::date AS month, count(*) AS n, sum(joining_fee) AS amount,
                       (array_agg(event_id ORDER BY enrolled_at, event_id))[1 : %d] AS ids
                FROM read_model.distributor
                WHERE merchant_id = :m AND enrolled_on <= :asOf AND joining_fee IS NOT NULL AND distributor_id IN (members)
                GROUP BY 1""".formatted(cap)), params, row -> {
            YearMonth month = YearMonth.from(row.getDate("month").toLocalDate());
            var fees = new Tally(row.getLong("n"), row.getLong("amount"), new Evidence(ids(row, "ids"), row.getLong("n")));
            Month sales = months.get(month);
            months.put(month, sales == null ? new Month(month, Tally.NONE, Tally.NONE, fees)
                    : new Month(month, sales.retail(), sales.participantPurchases(), fees));
        });
        return new ArrayList<>(months.values());
    }

    /** Each paid participant's month: its pay beside its own retail sales and customers. */
    private Rows<EarnerMonth> earners(NetworkScope scope, MapSqlParameterSource params) {
        return rows(scope.members("""
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
    private EarnerEvidence earnerEvidence(MapSqlParameterSource params) {
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
            return jdbc.queryForList("""
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

    /**
     * Every product purchase of a participant after its first, with its sell-through before it:
     * one pass over each participant's purchases and retail sales in time order (a sale at the
     * same instant as a purchase counts after it).
     */
    private Rows<Reorder> reorders(NetworkScope scope, MapSqlParameterSource params) {
        return rows(scope.members("""
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

    /** Refund requests made by the day, with their answers as far as they were given by then. */
    private Rows<RefundCase> refunds(NetworkScope scope, MapSqlParameterSource params) {
        String inScope = scope.isNetwork() ? "TRUE" : "(s.seller_id IN (members) OR s.buyer_id IN (members))";
        return rows(scope.members("""
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

    /**
     * The organiser's latest penalty by the day: a case on any merchant with this merchant's
     * licence number, closed with the finding PENALISED; and who joined this network after it.
     */
    private Penalty penalty(NetworkScope scope, MapSqlParameterSource params) {
        var penalties = jdbc.query("""
                SELECT a.occurred_at, a.event_id
                FROM read_model.case_file c
                JOIN read_model.case_action a ON a.case_id = c.case_id AND a.action = 'CLOSED'
                JOIN read_model.merchant penalised ON penalised.merchant_id = c.merchant_id
                JOIN read_model.merchant judged ON judged.licence_number = penalised.licence_number
                WHERE judged.merchant_id = :m AND c.finding = 'PENALISED' AND a.occurred_at < :asOfEnd
                ORDER BY a.occurred_at DESC LIMIT 1""", params,
                (row, n) -> new Object[]{row.getTimestamp(1).toInstant(), row.getString(2)});
        if (penalties.isEmpty()) {
            return null;
        }
        LocalDate penalisedOn = LocalDate.ofInstant((java.time.Instant) penalties.get(0)[0], scope.zone());
        var since = new MapSqlParameterSource(params.getValues()).addValue("since", Date.valueOf(penalisedOn));
        var joined = jdbc.queryForObject(scope.members("""
                SELECT count(*) AS n, (array_agg(event_id ORDER BY enrolled_at, event_id))[1 : %d] AS ids
                FROM read_model.distributor
                WHERE merchant_id = :m AND enrolled_on >= :since AND enrolled_on <= :asOf AND distributor_id IN (members)"""
                .formatted(properties.maxEvidence())), since,
                (row, n) -> new Evidence(ids(row, "ids"), row.getLong("n")));
        long organiser = scope.isNetwork() ? 1 : 0;
        return new Penalty(penalisedOn, (String) penalties.get(0)[1], joined.total() + organiser, joined);
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Rows read afresh, a fetch at a time, each time they are passed over. */
    private <T> Rows<T> rows(String sql, MapSqlParameterSource params, RowMapper<T> mapper) {
        return action -> reading.executeWithoutResult(status -> streaming.query(sql, params,
                (RowCallbackHandler) row -> action.accept(mapper.mapRow(row, row.getRow()))));
    }

    private static List<String> ids(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }
}
