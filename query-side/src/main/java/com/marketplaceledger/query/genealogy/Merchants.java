package com.marketplaceledger.query.genealogy;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.marketplaceledger.axon.web.Paging;
import com.marketplaceledger.axon.web.QueryRefused;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The merchants the ledger knows, and the compensation plans each declared (evidence in itself). */
@Component
public class Merchants {

    public record Merchant(String merchantId, String name, String licenceNumber, String jurisdiction,
                           Instant registeredAt) {
    }

    /** A plan version as declared, in force from {@code declaredAt}. */
    public record Plan(int planVersion, Instant declaredAt, @JsonRawValue String plan) {
    }

    private static final RowMapper<Merchant> MERCHANT = (row, i) -> new Merchant(row.getString(1), row.getString(2),
            row.getString(3), row.getString(4), row.getTimestamp(5).toInstant());

    private final JdbcTemplate jdbc;

    Merchants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Merchant require(String merchantId) {
        return find(merchantId).orElseThrow(() -> QueryRefused.notFound("merchant", merchantId));
    }

    public Optional<Merchant> find(String merchantId) {
        return jdbc.query("""
                        SELECT merchant_id, name, licence_number, jurisdiction, registered_at FROM read_model.merchant
                        WHERE merchant_id = ?""", MERCHANT, merchantId).stream().findFirst();
    }

    public Paging.Page<Merchant> list(Paging paging) {
        return paging.page(jdbc.query("""
                SELECT merchant_id, name, licence_number, jurisdiction, registered_at FROM read_model.merchant
                ORDER BY merchant_id LIMIT ? OFFSET ?""", MERCHANT, paging.limit(), paging.offset()));
    }

    public List<Plan> plans(String merchantId) {
        return jdbc.query("""
                        SELECT plan_version, declared_at, plan::text FROM read_model.compensation_plan
                        WHERE merchant_id = ? ORDER BY plan_version""",
                (row, i) -> new Plan(row.getInt(1), row.getTimestamp(2).toInstant(), row.getString(3)), merchantId);
    }
}
