package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;

import java.util.ArrayList;
import java.util.List;

/** The everyday goods of WeChat commerce that simulated merchants sell, priced in fen. */
final class Catalogue {

    private record Product(String sku, String title, long price) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("TEA-250", "Longjing green tea 250 g", 19_900),
            new Product("COLLAGEN-10", "Collagen drink 10 x 50 ml", 29_900),
            new Product("CREAM-50", "Herbal face cream 50 ml", 39_900),
            new Product("GOJI-1L", "Goji berry juice 1 l", 8_900),
            new Product("SOAP-3", "Handmade soap, 3 bars", 5_900),
            new Product("PROBIO-30", "Probiotic sachets, 30 days", 25_900),
            new Product("SILK-PC", "Mulberry silk pillowcase", 15_900));

    /** What a US merchant of the same trade sells, priced in cents. */
    private static final List<Product> US_PRODUCTS = List.of(
            new Product("US-TEA-50", "Green tea, 50 bags", 1_299),
            new Product("US-VITD-90", "Vitamin D3 gummies, 90", 1_899),
            new Product("US-SHAKE-14", "Protein shake mix, 14 servings", 3_499),
            new Product("US-SERUM-30", "Face serum 30 ml", 2_999),
            new Product("US-SOAP-3", "Handmade soap, 3 bars", 1_199),
            new Product("US-PROBIO-30", "Probiotic capsules, 30 days", 2_499),
            new Product("US-BOTTLE-1", "Filter water bottle", 2_299));

    private Catalogue() {
    }

    /** Publishes {@code count} different products of the market's currency, chosen at random, as listings L-P1, L-P2, ... */
    static List<ListingId> publishProducts(Market market, int count) {
        var remaining = new ArrayList<>(Market.USD.equals(market.currency()) ? US_PRODUCTS : PRODUCTS);
        var listings = new ArrayList<ListingId>(count);
        for (int n = 1; n <= count; n++) {
            Product product = remaining.remove(market.below(remaining.size()));
            listings.add(market.publish("L-P" + n, product.sku(), product.title(), ListingKind.PRODUCT, product.price()));
        }
        return listings;
    }
}
