package com.marketplaceledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.command.support.ApiResponse;
import com.marketplaceledger.command.support.EventTable;
import com.marketplaceledger.command.support.EventTable.StoredEvent;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.Requests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command sent again without an Idempotency-Key (its answer lost, the service killed before it
 * answered) is recognised: an identical retry is answered 200 "already recorded" with the stream and
 * position of its first answer and records nothing, while another command with a known id is the
 * conflict it always was.
 */
class RetryIntegrationTest extends LedgerApiTestBase {

    @Test
    void aRetriedRegistrationIsAnsweredAlreadyRecorded() {
        String m = newMerchantId("M-retry-register");
        ApiResponse first = recordedNow(post("/merchants", Requests.registerMerchant(m)));

        assertThat(first.status()).isEqualTo(201);
        assertAlreadyRecorded(() -> post("/merchants", Requests.registerMerchant(m)), first);
    }

    @Test
    void aRetriedPlanDeclarationIsAnsweredAlreadyRecordedAndDeclaresNoSecondVersion() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-plan");
        ApiResponse first = recordedNow(post(merchant + "/plans", Requests.declarePlan()));

        assertAlreadyRecorded(() -> post(merchant + "/plans", Requests.declarePlan()), first);
        assertThat(EventTable.ofStream(first.stream())).extracting(StoredEvent::simpleType)
                .containsExactly("MerchantRegistered", "CompensationPlanDeclared");
    }

    @Test
    void anotherPlanIsANewVersionNotARetry() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-plan-new");
        ApiResponse first = recordedNow(post(merchant + "/plans", Requests.declarePlan()));

        ApiResponse second = recordedNow(post(merchant + "/plans",
                Requests.declarePlan(Requests.TWO_LEVEL_PLAN, "2026-02-01T00:00:00Z")));

        assertThat(second.position()).isGreaterThan(first.position());
        assertThat(EventTable.ofStream(first.stream())).filteredOn(e -> e.simpleType().equals("CompensationPlanDeclared"))
                .extracting(e -> e.payload().path("planVersion").asInt()).containsExactly(1, 2);
    }

    @Test
    void aRetriedListingPublicationIsAnsweredAlreadyRecorded() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-listing");
        ApiResponse first = recordedNow(post(merchant + "/listings", Requests.publishListing("L-1")));

        assertThat(first.status()).isEqualTo(201);
        assertAlreadyRecorded(() -> post(merchant + "/listings", Requests.publishListing("L-1")), first);
    }

    @Test
    void aRetriedRepriceIsAnsweredAlreadyRecordedAndRepricesOnce() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-reprice");
        assertAccepted(post(merchant + "/listings", Requests.publishListing("L-1")));
        ApiResponse first = recordedNow(post(merchant + "/listings/L-1/reprice", Requests.reprice(25000)));

        assertAlreadyRecorded(() -> post(merchant + "/listings/L-1/reprice", Requests.reprice(25000)), first);
        assertThat(EventTable.ofStream(first.stream())).extracting(StoredEvent::simpleType)
                .containsExactly("ListingPublished", "ListingRepriced");
    }

    @Test
    void aRepriceToAnotherPriceIsANewRepriceNotARetry() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-reprice-new");
        assertAccepted(post(merchant + "/listings", Requests.publishListing("L-1")));
        ApiResponse first = recordedNow(post(merchant + "/listings/L-1/reprice", Requests.reprice(25000)));

        ApiResponse second = recordedNow(post(merchant + "/listings/L-1/reprice", Requests.reprice(26000)));

        assertThat(second.position()).isGreaterThan(first.position());
        assertThat(EventTable.ofStream(first.stream())).extracting(StoredEvent::simpleType)
                .containsExactly("ListingPublished", "ListingRepriced", "ListingRepriced");
    }

    @Test
    void aRetriedWithdrawalIsAnsweredAlreadyRecorded() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-withdraw");
        assertAccepted(post(merchant + "/listings", Requests.publishListing("L-1")));
        ApiResponse first = recordedNow(post(merchant + "/listings/L-1/withdraw", Requests.withdraw()));

        assertAlreadyRecorded(() -> post(merchant + "/listings/L-1/withdraw", Requests.withdraw()), first);
    }

    @Test
    void aWithdrawalWithAnotherReasonIsStillRefusedAsWithdrawn() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-withdraw-other");
        assertAccepted(post(merchant + "/listings", Requests.publishListing("L-1")));
        assertAccepted(post(merchant + "/listings/L-1/withdraw", Requests.withdraw()));

        ApiResponse other = withoutRecording(() -> post(merchant + "/listings/L-1/withdraw",
                Requests.withdraw().replace("out of season", "recalled")));

        assertProblem(other, 409, "listing-withdrawn", "listingId");
    }

    @Test
    void aRetriedEnrolmentIsAnsweredAlreadyRecorded() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-enrol");
        ApiResponse first = recordedNow(post(merchant + "/distributors", Requests.enrol("D-1", null)));

        assertThat(first.status()).isEqualTo(201);
        assertAlreadyRecorded(() -> post(merchant + "/distributors", Requests.enrol("D-1", null)), first);
    }

    @Test
    void anEnrolmentOfAKnownDistributorUnderAnotherSponsorIsStillAConflict() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-enrol-other");
        assertAccepted(post(merchant + "/distributors", Requests.enrol("D-1", null)));
        assertAccepted(post(merchant + "/distributors", Requests.enrol("D-2", "D-1")));

        ApiResponse other = withoutRecording(() -> post(merchant + "/distributors", Requests.enrol("D-2", null)));

        assertProblem(other, 409, "distributor-already-enrolled", "distributorId");
    }

    @Test
    void aRetriedSaleIsAnsweredAlreadyRecordedAndAccruesItsCommissionsOnce() {
        Network network = networkWithSale("M-retry-sale");
        String sale = Requests.retailSale("S-2", "L-tea", "D-3");
        ApiResponse first = recordedNow(post(network.merchant() + "/sales", sale));

        assertThat(first.status()).isEqualTo(201);
        assertAlreadyRecorded(() -> post(network.merchant() + "/sales", sale), first);
        assertThat(EventTable.ofStream(first.stream())).extracting(StoredEvent::simpleType)
                .containsExactly("SaleRecorded", "CommissionAccrued", "CommissionAccrued");
    }

    @Test
    void aRetriedRefundRequestIsAnsweredAlreadyRecorded() {
        Network network = networkWithSale("M-retry-refund");
        ApiResponse first = recordedNow(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 19900)));

        assertThat(first.status()).isEqualTo(201);
        assertAlreadyRecorded(() -> post(network.sale() + "/refunds", Requests.requestRefund("R-1", 19900)), first);
    }

    @Test
    void aRefundRequestWithAKnownIdAndAnotherAmountIsStillAConflict() {
        Network network = networkWithSale("M-retry-refund-other");
        assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 19900)));

        ApiResponse other = withoutRecording(() -> post(network.sale() + "/refunds", Requests.requestRefund("R-1", 100)));

        assertProblem(other, 409, "refund-already-requested", "refundId");
    }

    @Test
    void aRetriedRefundIssueIsAnsweredAlreadyRecordedAndReversesCommissionsOnce() {
        Network network = networkWithRefundR1("M-retry-issue");
        ApiResponse first = recordedNow(post(network.sale() + "/refunds/R-1/issue", Requests.issueRefund()));

        assertAlreadyRecorded(() -> post(network.sale() + "/refunds/R-1/issue", Requests.issueRefund()), first);
        assertThat(EventTable.ofStream(first.stream())).extracting(StoredEvent::simpleType).containsExactly(
                "SaleRecorded", "CommissionAccrued", "CommissionAccrued",
                "RefundRequested", "RefundIssued", "CommissionReversed", "CommissionReversed");
    }

    @Test
    void aRefundIssuedAgainForAnotherAmountIsStillAlreadyDecided() {
        Network network = networkWithRefundR1("M-retry-issue-other");
        assertAccepted(post(network.sale() + "/refunds/R-1/issue", Requests.issueRefund()));

        ApiResponse other = withoutRecording(() -> post(network.sale() + "/refunds/R-1/issue", """
                {"amount":{"minorUnits":100,"currency":"CNY"},"occurredAt":"2026-01-13T00:00:00Z"}"""));

        assertProblem(other, 409, "refund-already-decided", "refundId");
    }

    @Test
    void aRetriedRefundRefusalIsAnsweredAlreadyRecorded() {
        Network network = networkWithRefundR1("M-retry-refuse");
        ApiResponse first = recordedNow(post(network.sale() + "/refunds/R-1/refuse", Requests.refuseRefund()));

        assertAlreadyRecorded(() -> post(network.sale() + "/refunds/R-1/refuse", Requests.refuseRefund()), first);
    }

    @Test
    void concurrentIdenticalSalesRecordOneSetOfEvents() {
        Network network = networkWithSale("M-retry-race");
        String sale = Requests.retailSale("S-race", "L-tea", "D-3");
        long before = EventTable.count();

        List<ApiResponse> answers = concurrently(8, () -> post(network.merchant() + "/sales", sale));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1)
                .allSatisfy(a -> assertThat(a.json().has("alreadyRecorded")).isFalse());
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(7)
                .allSatisfy(a -> assertThat(a.json().path("alreadyRecorded").asBoolean()).as("%s", a).isTrue());
        assertThat(answers).extracting(ApiResponse::position).containsOnly(answers.get(0).position());
        assertThat(EventTable.count()).isEqualTo(before + 3);
        assertThat(EventTable.ofStream("sale/" + network.merchantId() + "/S-race")).extracting(StoredEvent::simpleType)
                .containsExactly("SaleRecorded", "CommissionAccrued", "CommissionAccrued");
    }

    @Test
    void concurrentIdenticalRepricesRecordOneReprice() {
        String merchant = "/merchants/" + registeredMerchant("M-retry-race-reprice");
        assertAccepted(post(merchant + "/listings", Requests.publishListing("L-1")));
        long before = EventTable.count();

        List<ApiResponse> answers = concurrently(8, () -> post(merchant + "/listings/L-1/reprice", Requests.reprice(25000)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("%s", a).isEqualTo(200));
        assertThat(answers).filteredOn(a -> a.json().path("alreadyRecorded").asBoolean()).hasSize(7);
        assertThat(answers).extracting(ApiResponse::position).containsOnly(answers.get(0).position());
        assertThat(EventTable.count()).isEqualTo(before + 1);
    }

    @Test
    void theOpenApiDocumentDescribesTheAnswerToARetry() {
        JsonNode paths = get("/v3/api-docs").json().path("paths");

        JsonNode register = paths.path("/merchants").path("post").path("responses");
        assertThat(register.has("201")).isTrue();
        assertThat(register.path("200").path("description").asText()).contains("already recorded");
        assertThat(paths.path("/merchants/{merchantId}/listings/{listingId}/reprice").path("post").path("responses")
                .path("200").path("description").asText()).contains("already recorded");
        assertThat(paths.path("/merchants/{merchantId}/imports").path("post").path("description").asText())
                .contains("alreadyRecorded");
    }

    /** {@link #networkWithSale} and refund R-1 requested for half of S-1. */
    private Network networkWithRefundR1(String prefix) {
        Network network = networkWithSale(prefix);
        assertAccepted(post(network.sale() + "/refunds", Requests.requestRefund("R-1", 19900)));
        return network;
    }

    /** A command recorded now: answered as before this feature, without alreadyRecorded. */
    private static ApiResponse recordedNow(ApiResponse response) {
        assertAccepted(response);
        assertThat(response.json().has("alreadyRecorded")).as("%s", response).isFalse();
        return response;
    }

    /** The request, sent again, is answered 200 already recorded with the first answer's stream and position, and records nothing. */
    private static void assertAlreadyRecorded(Supplier<ApiResponse> retry, ApiResponse first) {
        ApiResponse again = withoutRecording(retry);
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.mediaType()).isEqualTo("application/json");
        assertThat(again.json().path("alreadyRecorded").asBoolean()).as("%s", again).isTrue();
        assertThat(again.stream()).isEqualTo(first.stream());
        assertThat(again.position()).isEqualTo(first.position());
    }
}
