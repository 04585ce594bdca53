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
 *
 * <p>Facts that never change once recorded are remembered ({@link RememberedFacts}): that a merchant
 * is registered, a plan version's terms, an enrolled distributor's upline. What can change or
 * appear (a listing, whether a distributor or a newer plan exists) is read every time.
 */
@Component
public class Directory {

    static final ObjectMapper JSON = LedgerJson.objectMapper();

    private final JdbcTemplate jdbc;
    private final RememberedFacts remembered;

    Directory(JdbcTemplate jdbc, RememberedFacts remembered) {
        this.jdbc = jdbc;
        this.remembered = remembered;
    }

    public boolean merchantExists(MerchantId merchant) {
        if (remembered.merchantRegistered(merchant)) {
            return true;
        }
        boolean exists = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM command_side.merchant WHERE merchant_id = ?)",
                Boolean.class, merchant.value()));
        if (exists) {
            remembered.rememberMerchant(merchant);
        }
        return exists;
    }

    /** The newest plan version in force at the given business time, if the merchant had declared one by then. */
    public Optional<PlanInForce> planInForce(MerchantId merchant, Instant at) {
        return jdbc.query("""
                        SELECT plan_version FROM command_side.plan_version
                        WHERE merchant_id = ? AND in_force_from <= ?
                        ORDER BY plan_version DESC LIMIT 1""",
                (rs, i) -> rs.getInt(1), merchant.value(), Timestamp.from(at)).stream().findFirst()
                .map(version -> new PlanInForce(version, plan(merchant, version)));
    }

    private CompensationPlan plan(MerchantId merchant, int version) {
        CompensationPlan plan = remembered.plan(merchant, version);
        if (plan == null) {
            plan = readPlan(jdbc.queryForObject(
                    "SELECT plan::text FROM command_side.plan_version WHERE merchant_id = ? AND plan_version = ?",
                    String.class, merchant.value(), version));
            remembered.rememberPlan(merchant, version, plan);
        }
        return plan;
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
        DistributorFacts known = remembered.distributor(merchant, distributor);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DistributorFacts> found = jdbc.query("""
                        SELECT upline FROM command_side.distributor
                        WHERE merchant_id = ? AND distributor_id = ?""",
                (rs, i) -> new DistributorFacts(distributor, toIds(rs.getArray(1))),
                merchant.value(), distributor.value()).stream().findFirst();
        found.ifPresent(facts -> remembered.rememberDistributor(merchant, facts));
        return found;
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
