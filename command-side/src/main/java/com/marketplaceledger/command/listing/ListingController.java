package com.marketplaceledger.command.listing;

import com.marketplaceledger.command.LedgerCommands;
import com.marketplaceledger.command.LedgerCommands.Accepted;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.listing.RepriceListing;
import com.marketplaceledger.shared.listing.WithdrawListing;
import com.marketplaceledger.shared.merchant.MerchantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@Tag(name = "Listings")
class ListingController {

    private final LedgerCommands commands;

    ListingController(LedgerCommands commands) {
        this.commands = commands;
    }

    record PublishListingRequest(ListingId listingId, String sku, String title, Money unitPrice, ListingKind kind,
                                 Instant occurredAt) {
    }

    record RepriceListingRequest(Money unitPrice, Instant occurredAt) {
    }

    record WithdrawListingRequest(String reason, Instant occurredAt) {
    }

    @PostMapping("/merchants/{merchantId}/listings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a listing: a product, starter package, membership, training, franchise or branch stake")
    Accepted publish(@PathVariable MerchantId merchantId, @RequestBody PublishListingRequest request) {
        return commands.send(new PublishListing(merchantId, request.listingId(), request.sku(), request.title(),
                request.unitPrice(), request.kind(), request.occurredAt()));
    }

    @PostMapping("/merchants/{merchantId}/listings/{listingId}/reprice")
    @Operation(summary = "Change a listing's unit price (same currency)")
    Accepted reprice(@PathVariable MerchantId merchantId, @PathVariable ListingId listingId,
                     @RequestBody RepriceListingRequest request) {
        return commands.send(new RepriceListing(merchantId, listingId, request.unitPrice(), request.occurredAt()));
    }

    @PostMapping("/merchants/{merchantId}/listings/{listingId}/withdraw")
    @Operation(summary = "Withdraw a listing: it can no longer be sold")
    Accepted withdraw(@PathVariable MerchantId merchantId, @PathVariable ListingId listingId,
                      @RequestBody WithdrawListingRequest request) {
        return commands.send(new WithdrawListing(merchantId, listingId, request.reason(), request.occurredAt()));
    }
}
