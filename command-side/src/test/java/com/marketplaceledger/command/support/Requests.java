package com.marketplaceledger.command.support;

/**
 * Request bodies of the merchant API, as a merchant's client would write them (the README
 * walk-through's values by default).
 */
public final class Requests {

    public static final String TWO_LEVEL_PLAN = """
            {"salesRates":[{"level":1,"basisPoints":1000},{"level":2,"basisPoints":500}],\
            "joiningFeeRates":[],"refundWindowDays":30,"buybackBasisPoints":9000}""";

    private Requests() {
    }

    public static String registerMerchant(String merchantId) {
        return """
                {"merchantId":"%s","name":"Hangzhou Tea Co","licenceNumber":"91330100MA2XXXXX",\
                "jurisdiction":"CN","occurredAt":"2026-01-01T00:00:00Z"}""".formatted(merchantId);
    }

    public static String declarePlan() {
        return declarePlan(TWO_LEVEL_PLAN, "2026-01-01T00:00:00Z");
    }

    public static String declarePlan(String plan, String occurredAt) {
        return """
                {"plan":%s,"occurredAt":"%s"}""".formatted(plan, occurredAt);
    }

    public static String publishListing(String listingId) {
        return publishListing(listingId, "19900", "CNY");
    }

    /** {@code minorUnits} is raw JSON, so that tests can send 0, -1, 100.5 or "two". */
    public static String publishListing(String listingId, String minorUnits, String currency) {
        return """
                {"listingId":"%s","sku":"TEA-1","title":"Longjing tea 250g",\
                "unitPrice":{"minorUnits":%s,"currency":"%s"},"kind":"PRODUCT",\
                "occurredAt":"2026-01-02T00:00:00Z"}""".formatted(listingId, minorUnits, currency);
    }

    public static String reprice(long minorUnits) {
        return """
                {"unitPrice":{"minorUnits":%d,"currency":"CNY"},"occurredAt":"2026-01-04T00:00:00Z"}"""
                .formatted(minorUnits);
    }

    public static String withdraw() {
        return """
                {"reason":"out of season","occurredAt":"2026-01-05T00:00:00Z"}""";
    }

    public static String enrol(String distributorId, String sponsorId) {
        return sponsorId == null
                ? """
                {"distributorId":"%s","occurredAt":"2026-01-03T00:00:00Z"}""".formatted(distributorId)
                : """
                {"distributorId":"%s","sponsorId":"%s","occurredAt":"2026-01-03T00:00:00Z"}"""
                .formatted(distributorId, sponsorId);
    }

    public static String retailSale(String saleId, String listingId, String sellerId) {
        return retailSale(saleId, listingId, sellerId, "2");
    }

    /** {@code quantity} is raw JSON. */
    public static String retailSale(String saleId, String listingId, String sellerId, String quantity) {
        return """
                {"saleId":"%s","listingId":"%s","sellerId":"%s",\
                "buyer":{"kind":"END_CUSTOMER","customerRef":"C-9"},"quantity":%s,\
                "occurredAt":"2026-01-10T00:00:00Z"}""".formatted(saleId, listingId, sellerId, quantity);
    }

    public static String requestRefund(String refundId, long minorUnits) {
        return requestRefund(refundId, Long.toString(minorUnits), "CNY");
    }

    /** {@code minorUnits} is raw JSON. */
    public static String requestRefund(String refundId, String minorUnits, String currency) {
        return """
                {"refundId":"%s","amount":{"minorUnits":%s,"currency":"%s"},"reason":"damaged",\
                "occurredAt":"2026-01-12T00:00:00Z"}""".formatted(refundId, minorUnits, currency);
    }

    public static String issueRefund() {
        return """
                {"occurredAt":"2026-01-13T00:00:00Z"}""";
    }

    public static String refuseRefund() {
        return """
                {"reason":"outside the refund window","occurredAt":"2026-01-13T00:00:00Z"}""";
    }
}
