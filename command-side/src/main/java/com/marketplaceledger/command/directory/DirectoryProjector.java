package com.marketplaceledger.command.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.listing.ListingRepriced;
import com.marketplaceledger.shared.listing.ListingWithdrawn;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Keeps the directory in step with the event stream. Runs in a subscribing processor (see
 * application.yml), in the transaction that appends the events; inserts are idempotent.
 */
@Component
@ProcessingGroup(DirectoryProjector.PROCESSING_GROUP)
class DirectoryProjector {

    static final String PROCESSING_GROUP = "directory";

    private final JdbcTemplate jdbc;

    DirectoryProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MerchantRegistered event) {
        jdbc.update("INSERT INTO command_side.merchant (merchant_id) VALUES (?) ON CONFLICT DO NOTHING",
                event.merchantId().value());
    }

    @EventHandler
    void on(CompensationPlanDeclared event) throws JsonProcessingException {
        jdbc.update("""
                        INSERT INTO command_side.plan_version (merchant_id, plan_version, in_force_from, plan)
                        VALUES (?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING""",
                event.merchantId().value(), event.planVersion(), Timestamp.from(event.occurredAt()),
                Directory.JSON.writeValueAsString(event.plan()));
    }

    @EventHandler
    void on(ListingPublished event) {
        jdbc.update("""
                        INSERT INTO command_side.listing (merchant_id, listing_id, kind, unit_price_minor, currency)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.merchantId().value(), event.listingId().value(), event.kind().name(),
                event.unitPrice().minorUnits(), event.unitPrice().currency());
    }

    @EventHandler
    void on(ListingRepriced event) {
        jdbc.update("""
                        UPDATE command_side.listing SET unit_price_minor = ?, currency = ?
                        WHERE merchant_id = ? AND listing_id = ?""",
                event.unitPrice().minorUnits(), event.unitPrice().currency(),
                event.merchantId().value(), event.listingId().value());
    }

    @EventHandler
    void on(ListingWithdrawn event) {
        jdbc.update("UPDATE command_side.listing SET withdrawn = true WHERE merchant_id = ? AND listing_id = ?",
                event.merchantId().value(), event.listingId().value());
    }

    @EventHandler
    void on(DistributorEnrolled event) {
        jdbc.update("""
                        INSERT INTO command_side.distributor (merchant_id, distributor_id, upline)
                        VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                ps -> {
                    ps.setString(1, event.merchantId().value());
                    ps.setString(2, event.distributorId().value());
                    ps.setArray(3, ps.getConnection().createArrayOf("varchar",
                            event.upline().stream().map(id -> id.value()).toArray()));
                });
    }
}
