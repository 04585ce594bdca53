package com.marketplaceledger.command.listing;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.listing.ListingRepriced;
import com.marketplaceledger.shared.listing.ListingWithdrawn;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.listing.RepriceListing;
import com.marketplaceledger.shared.listing.WithdrawListing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A listing: its price, and whether it can still be sold. Sales are their own aggregates. */
@Aggregate
class Listing {

    @AggregateIdentifier
    private String streamId;
    private Money unitPrice;
    private boolean withdrawn;

    Listing() {
    }

    @CommandHandler
    Listing(PublishListing command) {
        apply(new ListingPublished(command.merchantId(), command.listingId(), command.sku(), command.title(),
                command.unitPrice(), command.kind(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RepriceListing command) {
        requireNotWithdrawn(command.listingId().value());
        if (!command.unitPrice().currency().equals(unitPrice.currency())) {
            throw RuleViolation.unprocessable("currency-change", "unitPrice.currency",
                    "listing " + command.listingId() + " is priced in " + unitPrice.currency()
                            + "; publish a new listing to sell in another currency");
        }
        apply(new ListingRepriced(command.merchantId(), command.listingId(), unitPrice, command.unitPrice(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(WithdrawListing command) {
        requireNotWithdrawn(command.listingId().value());
        apply(new ListingWithdrawn(command.merchantId(), command.listingId(), command.reason(), command.occurredAt()));
    }

    private void requireNotWithdrawn(String listingId) {
        if (withdrawn) {
            throw RuleViolation.conflict("listing-withdrawn", "listingId", "listing " + listingId + " was withdrawn");
        }
    }

    @EventSourcingHandler
    void on(ListingPublished event) {
        streamId = StreamIds.listing(event.merchantId(), event.listingId());
        unitPrice = event.unitPrice();
    }

    @EventSourcingHandler
    void on(ListingRepriced event) {
        unitPrice = event.unitPrice();
    }

    @EventSourcingHandler
    void on(ListingWithdrawn event) {
        withdrawn = true;
    }
}
