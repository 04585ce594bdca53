package com.marketplaceledger.command;

import com.marketplaceledger.command.support.ApiResponse;
import com.marketplaceledger.command.support.EventTable;
import com.marketplaceledger.command.support.EventTable.StoredEvent;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.Requests;
import com.marketplaceledger.command.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Idempotency-Key header on POST: a retry with the same key and body gets the first answer
 * and records nothing; the same key with another request is refused with 422.
 */
class IdempotencyIntegrationTest extends LedgerApiTestBase {

    private static final String REPLAYED = "Idempotent-Replayed";

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndRecordsNothing() {
        String m = newMerchantId("M-idem");
        String key = newIdempotencyKey();

        ApiResponse first = assertAccepted(postWithKey("/merchants", Requests.registerMerchant(m), key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isEmpty();
        List<StoredEvent> recorded = EventTable.ofMerchant(m);
        assertThat(recorded).extracting(StoredEvent::simpleType).containsExactly("MerchantRegistered");

        for (int retry = 0; retry < 3; retry++) {
            ApiResponse again = withoutRecording(() -> postWithKey("/merchants", Requests.registerMerchant(m), key));
            assertThat(again.status()).as("%s", again).isEqualTo(first.status());
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.mediaType()).isEqualTo("application/json");
            assertThat(again.header(REPLAYED)).contains("true");
        }
        assertThat(EventTable.ofMerchant(m)).isEqualTo(recorded);
    }

    @Test
    void aRetriedSaleAccruesItsCommissionsOnce() {
        Network network = networkWithSale("M-idem-sale");
        String key = newIdempotencyKey();
        String sale = Requests.retailSale("S-2", "L-tea", "D-3");

        ApiResponse first = assertAccepted(postWithKey(network.merchant() + "/sales", sale, key));
        ApiResponse retry = withoutRecording(() -> postWithKey(network.merchant() + "/sales", sale, key));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header(REPLAYED)).contains("true");
        assertThat(EventTable.ofStream("sale/" + network.merchantId() + "/S-2")).extracting(StoredEvent::simpleType)
                .containsExactly("SaleRecorded", "CommissionAccrued", "CommissionAccrued");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String merchant = "/merchants/" + registeredMerchant("M-idem-reuse");
        String key = newIdempotencyKey();
        assertAccepted(postWithKey(merchant + "/listings", Requests.publishListing("L-1"), key));

        ApiResponse reused = withoutRecording(() ->
                postWithKey(merchant + "/listings", Requests.publishListing("L-2"), key));

        assertProblem(reused, 422, "idempotency-key-reused", "Idempotency-Key");
        assertThat(reused.header(REPLAYED)).isEmpty();
    }

    @Test
    void theSameKeyAndBodyOnAnotherEndpointIsRefused() {
        String merchant = "/merchants/" + registeredMerchant("M-idem-path");
        assertAccepted(post(merchant + "/listings", Requests.publishListing("L-1")));
        assertAccepted(post(merchant + "/listings", Requests.publishListing("L-2")));
        String key = newIdempotencyKey();
        assertAccepted(postWithKey(merchant + "/listings/L-1/withdraw", Requests.withdraw(), key));

        ApiResponse reused = withoutRecording(() -> postWithKey(merchant + "/listings/L-2/withdraw", Requests.withdraw(), key));

        assertProblem(reused, 422, "idempotency-key-reused", "Idempotency-Key");
    }

    @Test
    void anotherMerchantRepeatingARegistrationWithItsKeyIsRefusedNotAnsweredFromTheFirst() {
        String owner = newMerchantId("M-idem-own");
        String other = newMerchantId("M-idem-other");
        String key = newIdempotencyKey();
        assertAccepted(postWithKey("/merchants", Requests.registerMerchant(owner), key));

        ApiResponse repeated = withoutRecording(() -> post("/merchants", Requests.registerMerchant(owner), Map.of(
                "Idempotency-Key", key, "Authorization", "Bearer " + TestTokens.merchant(other))));

        assertProblem(repeated, 403, "other-merchant", "merchantId");
        assertThat(repeated.header(REPLAYED)).isEmpty();
    }

    @Test
    void twoMerchantsMayUseTheSameKeyEachForItsOwnRequest() {
        Network first = networkWithSale("M-idem-a");
        Network second = networkWithSale("M-idem-b");
        String key = newIdempotencyKey();

        ApiResponse a = assertAccepted(postWithKey(first.merchant() + "/sales", Requests.retailSale("S-2", "L-tea", "D-3"), key));
        ApiResponse b = assertAccepted(postWithKey(second.merchant() + "/sales", Requests.retailSale("S-2", "L-tea", "D-3"), key));

        assertThat(b.header(REPLAYED)).isEmpty();
        assertThat(b.body()).isNotEqualTo(a.body()).contains(second.merchantId());
    }

    @Test
    void differentKeysAreIndependent() {
        String m = registeredMerchant("M-idem-independent");
        String merchant = "/merchants/" + m;

        ApiResponse one = assertAccepted(postWithKey(merchant + "/listings", Requests.publishListing("L-1"), newIdempotencyKey()));
        ApiResponse two = assertAccepted(postWithKey(merchant + "/listings", Requests.publishListing("L-2"), newIdempotencyKey()));

        assertThat(one.header(REPLAYED)).isEmpty();
        assertThat(two.header(REPLAYED)).isEmpty();
        assertThat(two.position()).isGreaterThan(one.position());
        assertThat(EventTable.ofMerchant(m)).extracting(StoredEvent::stream)
                .containsExactly("merchant/" + m, "listing/" + m + "/L-1", "listing/" + m + "/L-2");

        // the same request under a new key is not replayed, but found already recorded: nothing is recorded twice
        ApiResponse sameBodyNewKey = withoutRecording(() ->
                postWithKey(merchant + "/listings", Requests.publishListing("L-1"), newIdempotencyKey()));
        assertThat(sameBodyNewKey.status()).as("%s", sameBodyNewKey).isEqualTo(200);
        assertThat(sameBodyNewKey.json().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(sameBodyNewKey.position()).isEqualTo(one.position());
        assertThat(sameBodyNewKey.header(REPLAYED)).isEmpty();
    }

    @Test
    void aRefusedCommandIsReplayedWithTheSameRefusal() {
        Network network = networkWithSale("M-idem-refused");
        String key = newIdempotencyKey();
        String sale = Requests.retailSale("S-2", "L-later", "D-3");

        ApiResponse refused = withoutRecording(() -> postWithKey(network.merchant() + "/sales", sale, key));
        assertProblem(refused, 404, "unknown-listing", "listingId");

        // even once the listing exists, the key keeps its first answer
        assertAccepted(post(network.merchant() + "/listings", Requests.publishListing("L-later")));
        ApiResponse replayed = withoutRecording(() -> postWithKey(network.merchant() + "/sales", sale, key));

        assertThat(replayed.status()).isEqualTo(404);
        assertThat(replayed.body()).isEqualTo(refused.body());
        assertThat(replayed.mediaType()).isEqualTo("application/problem+json");
        assertThat(replayed.header(REPLAYED)).contains("true");
        assertThat(EventTable.ofStream("sale/" + network.merchantId() + "/S-2")).isEmpty();
    }

    @Test
    void aMalformedBodyIsReplayedWithTheSameRefusal() {
        String merchant = "/merchants/" + registeredMerchant("M-idem-malformed");
        String key = newIdempotencyKey();

        ApiResponse refused = withoutRecording(() -> postWithKey(merchant + "/listings", "{", key));
        assertProblem(refused, 400, "malformed-json", null);
        ApiResponse replayed = withoutRecording(() -> postWithKey(merchant + "/listings", "{", key));

        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).isEqualTo(refused.body());
        assertThat(replayed.header(REPLAYED)).contains("true");
    }

    @Test
    void anInvalidKeyIsRefused() {
        String m = newMerchantId("M-idem-invalid");
        for (String key : List.of("with space", "k".repeat(256))) {
            ApiResponse response = withoutRecording(() -> send("POST", "/merchants", Requests.registerMerchant(m),
                    Map.of("Content-Type", "application/json; charset=utf-8", "Idempotency-Key", key)));
            assertProblem(response, 400, "invalid-idempotency-key", "Idempotency-Key");
        }
        assertThat(EventTable.ofMerchant(m)).isEmpty();
    }

    @Test
    void aBulkImportRetriedWithTheSameKeyIsRecordedOnce() {
        String m = registeredMerchant("M-idem-import");
        String key = newIdempotencyKey();
        String ndjson = """
                {"type":"PublishListing","listingId":"L-1","sku":"S","title":"T","unitPrice":{"minorUnits":100,"currency":"CNY"},"kind":"PRODUCT","occurredAt":"2026-01-02T00:00:00Z"}
                {"type":"EnrolDistributor","distributorId":"D-1","occurredAt":"2026-01-03T00:00:00Z"}
                """;
        var headers = Map.of("Content-Type", "application/x-ndjson", "Idempotency-Key", key);

        ApiResponse first = send("POST", "/merchants/" + m + "/imports", ndjson, headers);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        ApiResponse retry = withoutRecording(() -> send("POST", "/merchants/" + m + "/imports", ndjson, headers));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header(REPLAYED)).contains("true");
        assertThat(EventTable.ofMerchant(m)).hasSize(3);
    }

    @Test
    void concurrentRetriesRecordTheSaleOnce() {
        Network network = networkWithSale("M-idem-race");
        String key = newIdempotencyKey();
        String sale = Requests.retailSale("S-race", "L-tea", "D-3");
        long before = EventTable.count();

        List<ApiResponse> answers = concurrently(8, () -> postWithKey(network.merchant() + "/sales", sale, key));

        assertThat(answers).filteredOn(a -> a.status() == 201 && a.header(REPLAYED).isEmpty()).hasSize(1);
        String firstBody = answers.stream().filter(a -> a.header(REPLAYED).isEmpty() && a.status() == 201)
                .findFirst().orElseThrow().body();
        assertThat(answers).allSatisfy(answer -> {
            if (answer.status() == 201) {
                assertThat(answer.body()).isEqualTo(firstBody);
            } else {
                assertProblem(answer, 409, "idempotent-request-in-progress", "Idempotency-Key");
            }
        });
        assertThat(EventTable.count()).isEqualTo(before + 3);
        assertThat(EventTable.ofStream("sale/" + network.merchantId() + "/S-race")).extracting(StoredEvent::simpleType)
                .containsExactly("SaleRecorded", "CommissionAccrued", "CommissionAccrued");
    }
}
