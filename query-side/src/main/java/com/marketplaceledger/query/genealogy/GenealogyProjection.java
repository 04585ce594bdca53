package com.marketplaceledger.query.genealogy;

import com.marketplaceledger.axon.readmodel.ReadModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.marketplaceledger.axon.readmodel.BatchBuffer;
import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.axon.readmodel.ColumnArrays;
import com.marketplaceledger.axon.readmodel.SqlBatch;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps merchants, their plans and their distributor trees. Every write is keyed by what it
 * records (a merchant, a plan version, a distributor), and the counters only grow when the
 * distributor's row is new, so a redelivered batch changes nothing and a replay from event 0
 * rebuilds the same rows.
 */
@Component
@ProcessingGroup(GenealogyProjection.NAME)
class GenealogyProjection implements ReadModel {

    static final String NAME = "genealogy";

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    GenealogyProjection(JdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @EventHandler
    void on(MerchantRegistered event, EventMessage<?> message) {
        batch().add("""
                INSERT INTO read_model.merchant (merchant_id, name, licence_number, jurisdiction, registered_at, event_id)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.merchantId().value(), event.name(), event.licenceNumber(), event.jurisdiction(),
                Timestamp.from(event.occurredAt()), message.getIdentifier());
    }

    @EventHandler
    void on(CompensationPlanDeclared event, EventMessage<?> message) throws JsonProcessingException {
        batch().add("""
                INSERT INTO read_model.compensation_plan (merchant_id, plan_version, plan, declared_at, event_id)
                VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING""",
                event.merchantId().value(), event.planVersion(), LedgerJson.objectMapper().writeValueAsString(event.plan()),
                Timestamp.from(event.occurredAt()), message.getIdentifier());
    }

    /**
     * Enrolments are written once per batch, in one statement: the distributors' rows, and for those
     * that are new, the network's growth, their closure rows (depth = place in the recorded upline)
     * and each ancestor's growth. Each growth row changes once per batch, in key order, so the
     * processor's segments lock the rows they share in the same order and never deadlock.
     */
    private static final String ENROL = """
            WITH given AS (
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::int4[], ?::int8[],
                                     ?::varchar[], ?::int4[], ?::text[]::timestamptz[], ?::text[]::date[], ?::varchar[])
                    AS g(merchant_id, distributor_id, sponsor_id, upline, level, joining_fee, joining_currency,
                         plan_version, enrolled_at, enrolled_on, event_id)
            ), node AS (
                INSERT INTO read_model.distributor (merchant_id, distributor_id, sponsor_id, upline, level, joining_fee,
                                                    joining_currency, plan_version, enrolled_at, enrolled_on, event_id)
                SELECT merchant_id, distributor_id, sponsor_id, string_to_array(upline, ','), level, joining_fee,
                       joining_currency, plan_version, enrolled_at, enrolled_on, event_id
                FROM given
                ON CONFLICT DO NOTHING
                RETURNING merchant_id, distributor_id, upline, level, enrolled_on
            ), network AS (
                INSERT INTO read_model.network_growth (merchant_id, day, joined, roots, deepest_level)
                SELECT merchant_id, enrolled_on, count(*), count(*) FILTER (WHERE level = 1), max(level) FROM node
                GROUP BY merchant_id, enrolled_on
                ORDER BY merchant_id, enrolled_on
                ON CONFLICT (merchant_id, day) DO UPDATE
                    SET joined = network_growth.joined + excluded.joined,
                        roots = network_growth.roots + excluded.roots,
                        deepest_level = greatest(network_growth.deepest_level, excluded.deepest_level)
            ), closure AS (
                INSERT INTO read_model.downline (merchant_id, ancestor_id, depth, distributor_id, enrolled_on)
                SELECT node.merchant_id, ancestor.id, ancestor.depth, node.distributor_id, node.enrolled_on
                FROM node, unnest(node.upline) WITH ORDINALITY AS ancestor(id, depth)
                RETURNING merchant_id, ancestor_id, depth, enrolled_on
            )
            INSERT INTO read_model.downline_growth (merchant_id, ancestor_id, day, joined, direct, deepest)
            SELECT merchant_id, ancestor_id, enrolled_on, count(*), count(*) FILTER (WHERE depth = 1), max(depth)
            FROM closure
            GROUP BY merchant_id, ancestor_id, enrolled_on
            ORDER BY merchant_id, ancestor_id, enrolled_on
            ON CONFLICT (merchant_id, ancestor_id, day) DO UPDATE
                SET joined = downline_growth.joined + excluded.joined,
                    direct = downline_growth.direct + excluded.direct,
                    deepest = greatest(downline_growth.deepest, excluded.deepest)""";

    @EventHandler
    void on(DistributorEnrolled event, EventMessage<?> message) {
        var fee = event.joiningFeePaid();
        enrolmentsInBatch().add(new Object[]{event.merchantId().value(), event.distributorId().value(),
                event.sponsorId() == null ? null : event.sponsorId().value(),
                event.upline().stream().map(DistributorId::value).collect(Collectors.joining(",")),
                event.upline().size() + 1, fee == null ? null : fee.minorUnits(), fee == null ? null : fee.currency(),
                event.planVersion(), event.occurredAt().toString(), calendar.dayOf(event.occurredAt()).toString(),
                message.getIdentifier()});
    }

    private List<Object[]> enrolmentsInBatch() {
        return BatchBuffer.current(NAME + ".enrolments", ArrayList::new, this::enrol);
    }

    private void enrol(List<Object[]> enrolments) {
        if (enrolments.isEmpty()) {
            return;
        }
        String[] types = {"varchar", "varchar", "varchar", "text", "int4", "int8", "varchar", "int4", "text", "text",
                "varchar"};
        jdbc.update(ENROL, statement -> ColumnArrays.bind(statement, types, enrolments));
    }

    @Override
    public String processor() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("merchant", "compensation_plan", "distributor", "downline", "downline_growth", "network_growth");
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    private SqlBatch batch() {
        return SqlBatch.current(NAME, jdbc);
    }
}
