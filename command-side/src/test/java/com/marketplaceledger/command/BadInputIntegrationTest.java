package com.marketplaceledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.command.support.ApiResponse;
import com.marketplaceledger.command.support.EventTable;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.Requests;
import com.marketplaceledger.command.support.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client mistakes get a 4xx problem+json naming the rule (and the field where there is one),
 * never a 5xx, and never record anything.
 */
class BadInputIntegrationTest extends LedgerApiTestBase {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Every POST operation of the OpenAPI document, with malformed and empty bodies, against known and unknown ids. */
    @TestFactory
    List<DynamicTest> everyPostOperationOfTheOpenApiDocumentRefusesMalformedAndEmptyBodies() {
        Network network = networkWithSale("M-bad");
        assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 100)));
        // a withdrawn listing, so that the withdrawn paths are walked too
        assertAccepted(post(network.merchant() + "/listings", Requests.publishListing("L-gone")));
        assertAccepted(post(network.merchant() + "/listings/L-gone/withdraw", Requests.withdraw()));

        List<String> postPaths = postOperations();
        assertThat(postPaths).as("the POST operations of /v3/api-docs").containsExactlyInAnyOrder(
                "/merchants",
                "/merchants/{merchantId}/plans",
                "/merchants/{merchantId}/listings",
                "/merchants/{merchantId}/listings/{listingId}/reprice",
                "/merchants/{merchantId}/listings/{listingId}/withdraw",
                "/merchants/{merchantId}/distributors",
                "/merchants/{merchantId}/sales",
                "/merchants/{merchantId}/sales/{saleId}/refunds",
                "/merchants/{merchantId}/sales/{saleId}/refunds/{refundId}/issue",
                "/merchants/{merchantId}/sales/{saleId}/refunds/{refundId}/refuse",
                "/merchants/{merchantId}/imports");

        Map<String, Map<String, String>> idSets = new LinkedHashMap<>();
        idSets.put("existing ids", Map.of("merchantId", network.merchantId(), "listingId", "L-tea",
                "saleId", "S-1", "refundId", "R-1"));
        idSets.put("withdrawn listing", Map.of("merchantId", network.merchantId(), "listingId", "L-gone",
                "saleId", "S-1", "refundId", "R-1"));
        idSets.put("known merchant, unknown ids", Map.of("merchantId", network.merchantId(), "listingId", "L-nope",
                "saleId", "S-nope", "refundId", "R-nope"));
        idSets.put("unknown merchant", Map.of("merchantId", "M-nobody", "listingId", "L-nope",
                "saleId", "S-nope", "refundId", "R-nope"));
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{");
        bodies.put("empty object", "{}");
        bodies.put("no body", "");
        bodies.put("JSON null", "null");
        bodies.put("JSON array", "[]");

        var tests = new ArrayList<DynamicTest>();
        for (String template : postPaths) {
            for (var ids : idSets.entrySet()) {
                if (!template.contains("{") && !ids.getKey().equals("existing ids")) {
                    continue; // POST /merchants has no ids to vary
                }
                String path = fill(template, ids.getValue());
                for (var body : bodies.entrySet()) {
                    tests.add(DynamicTest.dynamicTest("POST " + template + " (" + ids.getKey() + "), " + body.getKey(),
                            () -> assertClientProblem(withoutRecording(() -> post(path, body.getValue())))));
                }
            }
        }
        return tests;
    }

    @Nested
    class UnknownIds {

        @Test
        void eventsForAnUnknownMerchantAreRefused() {
            ApiResponse response = withoutRecording(() ->
                    post("/merchants/" + newMerchantId("M-never") + "/listings", Requests.publishListing("L-1")));
            assertProblem(response, 404, "unknown-merchant", "merchantId");
        }

        @Test
        void aSaleOfAnUnknownListingIsRefused() {
            Network network = networkWithSale("M-unknown-listing");
            ApiResponse response = withoutRecording(() ->
                    post(network.merchant() + "/sales", Requests.retailSale("S-2", "L-nope", "D-3")));
            assertProblem(response, 404, "unknown-listing", "listingId");
        }

        @Test
        void aListingOfAnotherMerchantIsUnknownHere() {
            Network other = networkWithSale("M-other");
            String merchant = "/merchants/" + registeredMerchant("M-here");
            assertAccepted(post(merchant + "/distributors", Requests.enrol("D-3", null)));
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/sales", Requests.retailSale("S-1", other.listingId(), "D-3")));
            assertProblem(response, 404, "unknown-listing", "listingId");
        }

        @Test
        void repricingAnUnknownListingIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-reprice-unknown");
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/listings/L-nope/reprice", Requests.reprice(100)));
            assertProblem(response, 404, "unknown-listing", "listingId");
        }

        @Test
        void anEnrolmentUnderAnUnknownSponsorIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-unknown-sponsor");
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/distributors", Requests.enrol("D-1", "D-nope")));
            assertProblem(response, 404, "unknown-sponsor", "sponsorId");
        }

        @Test
        void aSaleByAnUnknownSellerIsRefused() {
            Network network = networkWithSale("M-unknown-seller");
            ApiResponse response = withoutRecording(() ->
                    post(network.merchant() + "/sales", Requests.retailSale("S-2", "L-tea", "D-nope")));
            assertProblem(response, 404, "unknown-seller", "sellerId");
        }

        @Test
        void aRefundOfAnUnknownSaleIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-unknown-sale");
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/sales/S-nope/refunds", Requests.requestRefund("R-1", 100)));
            assertProblem(response, 404, "unknown-sale", "saleId");
        }

        @Test
        void issuingAnUnknownRefundIsRefused() {
            Network network = networkWithSale("M-unknown-refund");
            ApiResponse response = withoutRecording(() ->
                    post(network.sale() + "/refunds/R-nope/issue", Requests.issueRefund()));
            assertProblem(response, 404, "unknown-refund", "refundId");
        }
    }

    @Nested
    class Text {

        /** PostgreSQL holds no NUL: such an event could be appended but never projected. */
        @Test
        void textWithANulCharacterIsRefusedOverRestAndInAnImport() {
            String merchant = "/merchants/" + registeredMerchant("M-nul");
            String listing = Requests.publishListing("L-1").replace("Longjing tea 250g", "Longjing\\u0000tea");

            ApiResponse rest = withoutRecording(() -> post(merchant + "/listings", listing));
            ApiResponse imported = withoutRecording(() -> postNdjson(merchant.substring("/merchants/".length()),
                    listing.replace("{\"listingId\"", "{\"type\":\"PublishListing\",\"listingId\"") + "\n"));

            assertProblem(rest, 400, "invalid-command", "title");
            assertThat(rest.body()).contains("NUL");
            assertThat(imported.status()).as("%s", imported).isEqualTo(422);
            assertThat(imported.body()).contains("title").contains("NUL");
        }
    }

    @Nested
    class Amounts {

        @Test
        void aNegativeRefundIsRefused() {
            Network network = networkWithSale("M-negative");
            ApiResponse response = withoutRecording(() ->
                    post(network.sale() + "/refunds", Requests.requestRefund("R-1", -100)));
            assertProblem(response, 400, "invalid-command", "amount.minorUnits");
        }

        @Test
        void aZeroPriceIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-zero");
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/listings", Requests.publishListing("L-1", "0", "CNY")));
            assertProblem(response, 400, "invalid-command", "unitPrice.minorUnits");
        }

        @Test
        void aZeroRefundIsRefused() {
            Network network = networkWithSale("M-zero-refund");
            ApiResponse response = withoutRecording(() ->
                    post(network.sale() + "/refunds", Requests.requestRefund("R-1", 0)));
            assertProblem(response, 400, "invalid-command", "amount.minorUnits");
        }

        @Test
        void aZeroQuantityIsRefused() {
            Network network = networkWithSale("M-zero-quantity");
            ApiResponse response = withoutRecording(() ->
                    post(network.merchant() + "/sales", Requests.retailSale("S-2", "L-tea", "D-3", "0")));
            assertProblem(response, 400, "invalid-command", "quantity");
        }

        @Test
        void anUnsupportedCurrencyIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-currency");
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/listings", Requests.publishListing("L-1", "19900", "ABC")));
            assertProblem(response, 400, "invalid-value", null);
            assertThat(response.problemFields()).as("%s", response).anySatisfy(f -> assertThat(f).startsWith("unitPrice"));
            assertThat(response.json().path("detail").asText()).contains("ABC");
        }

        @Test
        void aFractionalAmountIsRefusedNotTruncated() {
            String m = registeredMerchant("M-fraction");
            ApiResponse response = withoutRecording(() ->
                    post("/merchants/" + m + "/listings", Requests.publishListing("L-1", "100.5", "CNY")));
            assertProblem(response, 400, "malformed-json", "unitPrice.minorUnits");
            assertThat(EventTable.ofStream("listing/" + m + "/L-1")).isEmpty();
        }

        @Test
        void aRefundAboveWhatIsLeftOfTheSaleIsRefused() {
            Network network = networkWithSale("M-above");
            assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 30000)));
            assertAccepted(post(network.sale() + "/refunds/R-1/issue", Requests.issueRefund()));
            // 39800 - 30000 = 9800 left
            ApiResponse response = withoutRecording(() ->
                    post(network.sale() + "/refunds", Requests.requestRefund("R-2", 9801)));
            assertProblem(response, 422, "refund-exceeds-remaining", "amount");
            assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-3", 9800)));
        }

        @Test
        void aRefundInAnotherCurrencyThanTheSaleIsRefused() {
            Network network = networkWithSale("M-mix");
            ApiResponse response = withoutRecording(() ->
                    post(network.sale() + "/refunds", Requests.requestRefund("R-1", "100", "USD")));
            assertProblem(response, 422, "currency-mix", "amount.currency");
        }

        @Test
        void anAmountTooLargeToPriceASaleIsAClientErrorNotAServerError() {
            Network network = networkWithSale("M-huge");
            assertAccepted(post(network.merchant() + "/listings",
                    Requests.publishListing("L-huge", Long.toString(Long.MAX_VALUE), "CNY")));
            ApiResponse response = withoutRecording(() ->
                    post(network.merchant() + "/sales", Requests.retailSale("S-2", "L-huge", "D-3", "2")));
            assertClientProblem(response);
        }
    }

    @Nested
    class Invariants {

        @Test
        void aSaleOfAWithdrawnListingIsRefused() {
            Network network = networkWithSale("M-withdrawn");
            assertAccepted(post(network.merchant() + "/listings/L-tea/withdraw", Requests.withdraw()));
            ApiResponse response = withoutRecording(() ->
                    post(network.merchant() + "/sales", Requests.retailSale("S-2", "L-tea", "D-3")));
            assertProblem(response, 422, "listing-withdrawn", "listingId");
        }

        @Test
        void anEnrolmentUnderOneselfIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-self");
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/distributors", Requests.enrol("D-1", "D-1")));
            assertProblem(response, 422, "self-sponsorship", "sponsorId");
        }

        @Test
        void reEnrollingAnAncestorUnderItsOwnDownlineCannotCloseACycle() {
            Network network = networkWithSale("M-cycle");
            ApiResponse response = withoutRecording(() ->
                    post(network.merchant() + "/distributors", Requests.enrol("D-1", "D-3")));
            assertProblem(response, 409, "distributor-already-enrolled", "distributorId");
        }

        @Test
        void aSecondMerchantWithTheSameIdIsRefused() {
            String m = registeredMerchant("M-twice");
            ApiResponse response = withoutRecording(() ->
                    post("/merchants", Requests.registerMerchant(m).replace("Hangzhou Tea Co", "Shanghai Tea Co")));
            assertProblem(response, 409, "merchant-already-registered", "merchantId");
        }

        @Test
        void aSecondListingWithTheSameIdIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-listing-twice");
            assertAccepted(post(merchant + "/listings", Requests.publishListing("L-1")));
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/listings", Requests.publishListing("L-1", "100", "CNY")));
            assertProblem(response, 409, "already-exists", null);
        }

        @Test
        void aSecondSaleWithTheSameIdIsRefused() {
            Network network = networkWithSale("M-sale-twice");
            ApiResponse response = withoutRecording(() ->
                    post(network.merchant() + "/sales", Requests.retailSale("S-1", "L-tea", "D-2", "1")));
            assertProblem(response, 409, "already-exists", null);
        }

        @Test
        void aRefundDecidedTwiceIsRefused() {
            Network network = networkWithSale("M-decided");
            assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 100)));
            assertAccepted(post(network.sale() + "/refunds/R-1/issue", Requests.issueRefund()));
            ApiResponse response = withoutRecording(() ->
                    post(network.sale() + "/refunds/R-1/refuse", Requests.refuseRefund()));
            assertProblem(response, 409, "refund-already-decided", "refundId");
        }

        @Test
        void aRefundDecidedBeforeItWasRequestedIsRefused() {
            Network network = networkWithSale("M-decided-early");
            assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 100)));
            ApiResponse response = withoutRecording(() ->
                    post(network.sale() + "/refunds/R-1/issue", "{\"occurredAt\":\"2026-01-11T00:00:00Z\"}"));
            assertProblem(response, 422, "refund-decided-before-request", "occurredAt");
        }

        @Test
        void aRefundBeforeTheSaleIsRefused() {
            Network network = networkWithSale("M-refund-early");
            ApiResponse response = withoutRecording(() -> post(network.sale() + "/refunds",
                    "{\"refundId\":\"R-1\",\"amount\":{\"minorUnits\":100,\"currency\":\"CNY\"},\"occurredAt\":\"2026-01-09T00:00:00Z\"}"));
            assertProblem(response, 422, "refund-before-sale", "occurredAt");
        }

        @Test
        void repricingIntoAnotherCurrencyIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-reprice-currency");
            assertAccepted(post(merchant + "/listings", Requests.publishListing("L-1")));
            ApiResponse response = withoutRecording(() -> post(merchant + "/listings/L-1/reprice",
                    "{\"unitPrice\":{\"minorUnits\":100,\"currency\":\"USD\"},\"occurredAt\":\"2026-01-04T00:00:00Z\"}"));
            assertProblem(response, 422, "currency-change", "unitPrice.currency");
        }
    }

    @Nested
    class Shapes {

        @Test
        void aWrongTypedQuantityIsRefused() {
            Network network = networkWithSale("M-typed");
            ApiResponse response = withoutRecording(() ->
                    post(network.merchant() + "/sales", Requests.retailSale("S-2", "L-tea", "D-3", "\"two\"")));
            assertProblem(response, 400, "malformed-json", "quantity");
        }

        @Test
        void anAmountGivenAsAStringIsRefusedNotCoerced() {
            String m = registeredMerchant("M-string-amount");
            ApiResponse response = withoutRecording(() ->
                    post("/merchants/" + m + "/listings", Requests.publishListing("L-1", "\"19900\"", "CNY")));
            assertProblem(response, 400, "malformed-json", "unitPrice.minorUnits");
        }

        @Test
        void anUnknownListingKindIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-kind");
            ApiResponse response = withoutRecording(() -> post(merchant + "/listings",
                    Requests.publishListing("L-1").replace("\"PRODUCT\"", "\"GADGET\"")));
            assertProblem(response, 400, "malformed-json", "kind");
        }

        @Test
        void missingFieldsAreAllNamed() {
            String merchant = "/merchants/" + registeredMerchant("M-missing");
            ApiResponse response = withoutRecording(() -> post(merchant + "/listings", "{\"listingId\":\"L-1\"}"));
            assertProblem(response, 400, "invalid-command", null);
            assertThat(response.problemFields()).contains("sku", "title", "unitPrice", "kind", "occurredAt");
        }

        @Test
        void anInvalidIdInTheBodyIsRefused() {
            String merchant = "/merchants/" + registeredMerchant("M-bad-id");
            ApiResponse response = withoutRecording(() ->
                    post(merchant + "/distributors", Requests.enrol("D/1", null)));
            assertProblem(response, 400, "invalid-value", "distributorId");
        }

        @Test
        void anInvalidIdInThePathIsNoMerchantOfTheCaller() {
            // no token can name an invalid merchant id, so such a path is always another merchant's
            String own = registeredMerchant("M-badpath");
            ApiResponse response = withoutRecording(() -> post("/merchants/bad%20id/listings", Requests.publishListing("L-1"),
                    Map.of("Authorization", "Bearer " + TestTokens.merchant(own))));
            assertProblem(response, 404, "unknown-merchant", "merchantId");
        }

        @Test
        void aBodyThatIsNotJsonIsAProblemWithARule() {
            String merchant = "/merchants/" + registeredMerchant("M-text");
            ApiResponse response = withoutRecording(() -> send("POST", merchant + "/listings",
                    Requests.publishListing("L-1"), Map.of("Content-Type", "text/plain")));
            assertClientProblem(response);
            assertThat(response.status()).isEqualTo(415);
        }
    }

    // --- the OpenAPI document --------------------------------------------------------------------

    private List<String> postOperations() {
        ApiResponse docs = get("/v3/api-docs");
        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        var posts = new ArrayList<String>();
        paths.fieldNames().forEachRemaining(path -> {
            if (paths.get(path).has("post")) {
                posts.add(path);
            }
        });
        return posts;
    }

    private static String fill(String template, Map<String, String> ids) {
        Matcher variable = PATH_VARIABLE.matcher(template);
        var path = new StringBuilder();
        while (variable.find()) {
            String value = ids.get(variable.group(1));
            assertThat(value).as("a value for path variable %s of %s", variable.group(1), template).isNotNull();
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path.toString();
    }
}
