package com.marketplaceledger.command.listing;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.RuleViolation.Kind;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.listing.ListingRepriced;
import com.marketplaceledger.shared.listing.ListingWithdrawn;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.listing.RepriceListing;
import com.marketplaceledger.shared.listing.WithdrawListing;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.marketplaceledger.command.RuleViolationMatcher.violation;
import static org.hamcrest.Matchers.containsString;

class ListingTest {

    private static final MerchantId MERCHANT = MerchantId.of("M-1");
    private static final ListingId LISTING = ListingId.of("L-1");
    private static final Instant PUBLISHED_AT = Instant.parse("2025-02-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2025-02-10T09:00:00Z");
    private static final Instant LATER_STILL = Instant.parse("2025-02-20T09:00:00Z");

    private static final ListingPublished PUBLISHED = new ListingPublished(MERCHANT, LISTING, "SKU-STARTER",
            "Starter kit", Money.of(19_900, "CNY"), ListingKind.STARTER_PACKAGE, PUBLISHED_AT);

    private AggregateTestFixture<Listing> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Listing.class);
    }

    @Test
    void publishing_a_listing_records_its_sku_title_price_and_kind() {
        fixture.givenNoPriorActivity()
                .when(new PublishListing(MERCHANT, LISTING, "SKU-STARTER", "Starter kit", Money.of(19_900, "CNY"),
                        ListingKind.STARTER_PACKAGE, PUBLISHED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PUBLISHED);
    }

    @Test
    void repricing_in_the_same_currency_records_the_previous_and_the_new_price() {
        fixture.given(PUBLISHED)
                .when(new RepriceListing(MERCHANT, LISTING, Money.of(24_900, "CNY"), LATER))
                .expectEvents(new ListingRepriced(MERCHANT, LISTING, Money.of(19_900, "CNY"),
                        Money.of(24_900, "CNY"), LATER));
    }

    @Test
    void a_second_repricing_starts_from_the_price_set_by_the_first() {
        fixture.given(PUBLISHED,
                        new ListingRepriced(MERCHANT, LISTING, Money.of(19_900, "CNY"), Money.of(24_900, "CNY"), LATER))
                .when(new RepriceListing(MERCHANT, LISTING, Money.of(9_900, "CNY"), LATER_STILL))
                .expectEvents(new ListingRepriced(MERCHANT, LISTING, Money.of(24_900, "CNY"),
                        Money.of(9_900, "CNY"), LATER_STILL));
    }

    @Test
    void repricing_into_another_currency_is_refused() {
        fixture.given(PUBLISHED)
                .when(new RepriceListing(MERCHANT, LISTING, Money.of(2_900, "USD"), LATER))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violation(Kind.UNPROCESSABLE, "currency-change", "unitPrice.currency"))
                .expectExceptionMessage(containsString("is priced in CNY"));
    }

    @Test
    void withdrawing_a_listing_records_the_reason() {
        fixture.given(PUBLISHED)
                .when(new WithdrawListing(MERCHANT, LISTING, "recalled by the regulator", LATER))
                .expectEvents(new ListingWithdrawn(MERCHANT, LISTING, "recalled by the regulator", LATER));
    }

    @Test
    void a_listing_can_be_withdrawn_without_a_reason() {
        fixture.given(PUBLISHED)
                .when(new WithdrawListing(MERCHANT, LISTING, null, LATER))
                .expectEvents(new ListingWithdrawn(MERCHANT, LISTING, null, LATER));
    }

    @Test
    void a_withdrawn_listing_cannot_be_repriced() {
        fixture.given(PUBLISHED, new ListingWithdrawn(MERCHANT, LISTING, "discontinued", LATER))
                .when(new RepriceListing(MERCHANT, LISTING, Money.of(9_900, "CNY"), LATER_STILL))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "listing-withdrawn", "listingId"))
                .expectExceptionMessage("listing L-1 was withdrawn");
    }

    @Test
    void a_withdrawn_listing_cannot_be_withdrawn_again() {
        fixture.given(PUBLISHED, new ListingWithdrawn(MERCHANT, LISTING, "discontinued", LATER))
                .when(new WithdrawListing(MERCHANT, LISTING, "again", LATER_STILL))
                .expectNoEvents()
                .expectException(violation(Kind.CONFLICT, "listing-withdrawn", "listingId"));
    }

    @Test
    void a_repriced_listing_can_still_be_withdrawn() {
        fixture.given(PUBLISHED,
                        new ListingRepriced(MERCHANT, LISTING, Money.of(19_900, "CNY"), Money.of(24_900, "CNY"), LATER))
                .when(new WithdrawListing(MERCHANT, LISTING, "discontinued", LATER_STILL))
                .expectEvents(new ListingWithdrawn(MERCHANT, LISTING, "discontinued", LATER_STILL));
    }
}
