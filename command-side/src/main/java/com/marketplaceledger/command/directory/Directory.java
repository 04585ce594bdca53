package com.marketplaceledger.command.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the facts that command handlers need from outside the aggregate they act on.
 * Reads run in the command's transaction, after every earlier command's directory update.
 */
@Component
public class Directory {

    static final ObjectMapper JSON = LedgerJson.objectMapper();

    private final JdbcTemplate jdbc;

    Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean merchantExists(MerchantId merchant) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM command_side.merchant WHERE merchant_id = ?)",
                Boolean.class, merchant.value()));
    }

    /** The newest plan version in force at the given business time, if the merchant had declared one by then. */
    public Optional<PlanInForce> planInForce(MerchantId merchant, Instant at) {
        return jdbc.query("""
                        SELECT plan_version, plan::text FROM command_side.plan_version
                        WHERE merchant_id = ? AND in_force_from <= ?
                        ORDER BY plan_version DESC LIMIT 1""",
                (rs, i) -> new PlanInForce(rs.getInt(1), readPlan(rs.getString(2))),
                merchant.value(), Timestamp.from(at)).stream().findFirst();
    }

    public Optional<ListingFacts> listing(MerchantId merchant, ListingId listing) {
        return jdbc.query("""
                        SELECT kind, unit_price_minor, currency, withdrawn FROM command_side.listing
                        WHERE merchant_id = ? AND listing_id = ?""",
                (rs, i) -> new ListingFacts(listing, ListingKind.valueOf(rs.getString(1)),
                        Money.of(rs.getLong(2), rs.getString(3)), rs.getBoolean(4)),
                merchant.value(), listing.value()).stream().findFirst();
    }

    public Optional<DistributorFacts> distributor(MerchantId merchant, DistributorId distributor) {
        return jdbc.query("""
                        SELECT upline FROM command_side.distributor
                        WHERE merchant_id = ? AND distributor_id = ?""",
                (rs, i) -> new DistributorFacts(distributor, toIds(rs.getArray(1))),
                merchant.value(), distributor.value()).stream().findFirst();
    }

    private static List<DistributorId> toIds(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(DistributorId::of).toList();
    }

    private static CompensationPlan readPlan(String json) {
        try {
            return JSON.readValue(json, CompensationPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable plan in the directory", e);
        }
    }

    public record PlanInForce(int version, CompensationPlan plan) {
    }

    public record ListingFacts(ListingId listingId, ListingKind kind, Money unitPrice, boolean withdrawn) {
    }

    /** A distributor and its upline, sponsor first and root last. */
    public record DistributorFacts(DistributorId distributorId, List<DistributorId> upline) {
    }
}
