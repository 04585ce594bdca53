package com.marketplaceledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over real HTTP, on the README walk-through's 13 events recorded for two merchants
 * that use the same ids (the first recorded from {@code recordedA}, one event a minute).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailApiIntegrationTest extends AuditTrailTestSupport {

    private static final String SALE_TYPES = "SaleRecorded, CommissionAccrued, CommissionAccrued, RefundRequested, "
            + "RefundIssued, CommissionReversed, CommissionReversed";

    private MerchantId a;
    private MerchantId b;
    private Instant recordedA;
    private Instant recordedB;
    /** The walk-through's events for merchant a, in README order (index 0 is position 1 of the README). */
    private List<Appended> walkA;
    private List<Appended> walkB;

    @BeforeAll
    void recordTheWalkThroughForTwoMerchants() {
        a = MerchantId.of(newMerchantId("M-hz-001"));
        b = MerchantId.of(newMerchantId("M-hz-001"));
        // recording times in a window of this run's own, so a query over all merchants sees only these
        recordedA = Instant.parse("2090-01-01T00:00:00Z").plus(Duration.ofMinutes(ThreadLocalRandom.current().nextLong(10_000_000)));
        recordedB = recordedA.plus(Duration.ofDays(1));
        walkA = publishAndAwait(WalkThrough.events(a, recordedA));
        walkB = publishAndAwait(WalkThrough.events(b, recordedB));
    }

    @Test
    void the_sale_trail_lists_exactly_its_seven_events_in_position_order() {
        Answer answer = get(trail(a, "entityType", "sale", "entityId", "S-1"));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.positions()).isEqualTo(positions(walkA, 6, 7, 8, 9, 10, 11, 12)).isSorted();
        assertThat(answer.positions()).isEqualTo(jdbc.queryForList(
                "SELECT global_index FROM axon.domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index",
                Long.class, StreamIds.sale(a, WalkThrough.S1)));
        assertThat(answer.types()).isEqualTo(List.of(SALE_TYPES.split(", ")));
        List<Long> sequenceNumbers = new ArrayList<>();
        answer.json().get("items").forEach(item -> {
            sequenceNumbers.add(item.get("sequenceNumber").asLong());
            assertThat(item.get("stream").asText()).isEqualTo("sale/" + a + "/S-1");
            assertThat(item.get("merchantId").asText()).isEqualTo(a.value());
        });
        assertThat(sequenceNumbers).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(answer.json().get("page").asInt()).isZero();
        assertThat(answer.json().get("size").asInt()).isEqualTo(50);
        assertThat(answer.json().get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void an_entry_shows_the_event_as_the_ledger_recorded_it_with_its_payload_as_json() {
        JsonNode sale = get(trail(a, "entityType", "sale", "entityId", "S-1")).json().get("items").get(0);
        Appended recorded = walkA.get(6);

        assertThat(sale.get("position").asLong()).isEqualTo(recorded.position());
        assertThat(sale.get("eventId").asText()).isEqualTo(recorded.eventId());
        assertThat(sale.get("type").asText()).isEqualTo("SaleRecorded");
        assertThat(sale.get("revision").asText()).isEqualTo("1");
        assertThat(sale.get("stream").asText()).isEqualTo(StreamIds.sale(a, WalkThrough.S1));
        assertThat(sale.get("sequenceNumber").asLong()).isZero();
        assertThat(sale.get("merchantId").asText()).isEqualTo(a.value());
        assertThat(Instant.parse(sale.get("occurredAt").asText())).isEqualTo(WalkThrough.JAN_10);
        assertThat(Instant.parse(sale.get("recordedAt").asText())).isEqualTo(recordedA.plus(Duration.ofMinutes(6)));
        JsonNode payload = sale.get("payload");
        assertThat(payload.isObject()).as("payload is a JSON object, not a string: %s", payload).isTrue();
        assertThat(payload.get("saleId").asText()).isEqualTo("S-1");
        assertThat(payload.get("sellerId").asText()).isEqualTo("D-3");
        assertThat(payload.get("buyer").get("kind").asText()).isEqualTo("END_CUSTOMER");
        assertThat(payload.get("amount").get("minorUnits").asLong()).isEqualTo(39800);
        assertThat(payload.get("amount").get("currency").asText()).isEqualTo("CNY");
        assertThat(payload.get("occurredAt").asText()).isEqualTo("2026-01-10T00:00:00Z");
    }

    @Test
    void a_distributor_trail_holds_its_enrolment_the_enrolments_it_sponsored_and_its_commissions_and_reversals() {
        Answer d2 = get(trail(a, "entityType", "distributor", "entityId", "D-2"));
        assertThat(d2.positions()).as("%s", d2).isEqualTo(positions(walkA, 4, 5, 8, 12));
        assertThat(d2.types()).containsExactly("DistributorEnrolled", "DistributorEnrolled", "CommissionAccrued", "CommissionReversed");
        assertThat(d2.json().get("items").get(0).get("payload").get("distributorId").asText()).isEqualTo("D-2");
        assertThat(d2.json().get("items").get(1).get("payload").get("distributorId").asText()).isEqualTo("D-3");

        Answer d3 = get(trail(a, "entityType", "distributor", "entityId", "D-3"));
        assertThat(d3.positions()).isEqualTo(positions(walkA, 5, 6, 7, 11));
        assertThat(d3.types()).containsExactly("DistributorEnrolled", "SaleRecorded", "CommissionAccrued", "CommissionReversed");

        // D-1 sponsored D-2 only; D-3's enrolment names D-1 in its upline, not as its sponsor
        assertThat(get(trail(a, "entityType", "distributor", "entityId", "D-1")).positions()).isEqualTo(positions(walkA, 3, 4));
    }

    @Test
    void listing_refund_and_merchant_trails() {
        Answer listing = get(trail(a, "entityType", "listing", "entityId", "L-tea"));
        assertThat(listing.positions()).isEqualTo(positions(walkA, 2, 6));
        assertThat(listing.types()).containsExactly("ListingPublished", "SaleRecorded");

        Answer refund = get(trail(a, "entityType", "refund", "entityId", "R-1"));
        assertThat(refund.positions()).isEqualTo(positions(walkA, 9, 10, 11, 12));
        assertThat(refund.types()).containsExactly("RefundRequested", "RefundIssued", "CommissionReversed", "CommissionReversed");

        List<Long> all = positions(walkA, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(get(trail(a, "to", BEFORE_ALERTS)).positions()).isEqualTo(all);
        assertThat(get(trail(a, "entityType", "merchant", "entityId", a.value(), "to", BEFORE_ALERTS)).positions())
                .isEqualTo(all);

        // then the alerts the detection engine raised on the network (its plan pays team pay)
        awaitDetectionSettled();
        Answer whole = get(trail(a));
        assertThat(whole.positions().subList(0, all.size())).isEqualTo(all);
        assertThat(whole.types().subList(all.size(), whole.types().size())).isNotEmpty().containsOnly("AlertRaised");
    }

    @Test
    void merchants_with_the_same_ids_have_separate_trails() {
        Answer saleOfB = get(trail(b, "entityType", "sale", "entityId", "S-1"));

        assertThat(saleOfB.positions()).isEqualTo(positions(walkB, 6, 7, 8, 9, 10, 11, 12));
        assertThat(saleOfB.positions()).doesNotContainAnyElementsOf(positions(walkA, 6, 7, 8, 9, 10, 11, 12));
        assertThat(get(trail(b, "to", BEFORE_ALERTS)).positions()).hasSize(13)
                .doesNotContainAnyElementsOf(get(trail(a)).positions());
    }

    @Test
    void a_business_time_range_includes_from_and_excludes_to() {
        Answer jan10To13 = get(trail(a, "from", "2026-01-10T00:00:00Z", "to", "2026-01-13T00:00:00Z"));
        assertThat(jan10To13.positions()).as("%s", jan10To13).isEqualTo(positions(walkA, 6, 7, 8, 9));

        Answer saleFrom13 = get(trail(a, "entityType", "sale", "entityId", "S-1", "from", "2026-01-13T00:00:00Z",
                "time", "business"));
        assertThat(saleFrom13.types()).containsExactly("RefundIssued", "CommissionReversed", "CommissionReversed");

        Answer before03 = get(trail(a, "to", "2026-01-03T00:00:00Z"));
        assertThat(before03.types()).containsExactly("MerchantRegistered", "CompensationPlanDeclared", "ListingPublished");

        // an offset is the same instant: 08:00 in Hangzhou is midnight UTC
        Answer withOffset = get(trail(a, "from", "2026-01-10T08:00:00+08:00", "to", "2026-01-13T08:00:00+08:00"));
        assertThat(withOffset.positions()).as("%s", withOffset).isEqualTo(positions(walkA, 6, 7, 8, 9));

        Answer nothing = get(trail(a, "from", "2025-01-01T00:00:00Z", "to", "2025-12-31T00:00:00Z"));
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.positions()).isEmpty();
    }

    @Test
    void a_recording_time_range_applies_to_when_the_ledger_recorded_the_events() {
        Answer recorded = get(trail(a, "time", "recorded", "from", recordedA.plus(Duration.ofMinutes(2)).toString(),
                "to", recordedA.plus(Duration.ofMinutes(5)).toString()));
        assertThat(recorded.positions()).as("%s", recorded).isEqualTo(positions(walkA, 2, 3, 4));

        // the same bounds on business time match nothing: the events happened in 2026
        assertThat(get(trail(a, "from", recordedA.plus(Duration.ofMinutes(2)).toString())).positions()).isEmpty();

        Answer refundRecorded = get(trail(a, "entityType", "refund", "entityId", "R-1", "time", "recorded",
                "to", recordedA.plus(Duration.ofMinutes(11)).toString()));
        assertThat(refundRecorded.types()).containsExactly("RefundRequested", "RefundIssued");
    }

    @Test
    void all_merchants_events_in_a_recording_time_range() {
        Answer window = get("/audit-trail" + query("time", "recorded", "from", recordedA.toString(),
                "to", recordedB.plus(Duration.ofMinutes(13)).toString(), "size", "500"));

        assertThat(window.status()).as("%s", window).isEqualTo(200);
        List<Long> expected = new ArrayList<>(positions(walkA, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        expected.addAll(positions(walkB, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(window.positions()).isEqualTo(expected);

        Answer onlyA = get("/audit-trail" + query("time", "recorded", "from", recordedA.toString(),
                "to", recordedA.plus(Duration.ofMinutes(13)).toString()));
        assertThat(onlyA.positions()).isEqualTo(positions(walkA, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    }

    @Test
    void all_merchants_events_in_a_business_time_range() {
        // business times of this run's own, one merchant each, recorded in one batch
        Instant when = Instant.parse("1990-01-01T00:00:00Z").plus(Duration.ofMinutes(ThreadLocalRandom.current().nextLong(10_000_000)));
        MerchantId first = MerchantId.of(newMerchantId("M-range"));
        MerchantId second = MerchantId.of(newMerchantId("M-range"));
        List<Appended> appended = publishAndAwait(List.of(
                new Envelope(StreamIds.merchant(first), 0, new MerchantRegistered(first, "First", "LIC-1", "CN", when), Instant.now()),
                new Envelope(StreamIds.merchant(second), 0,
                        new MerchantRegistered(second, "Second", "LIC-2", "CN", when.plusSeconds(30)), Instant.now())));

        Answer both = get("/audit-trail" + query("from", when.toString(), "to", when.plusSeconds(60).toString()));
        assertThat(both.positions()).as("%s", both).isEqualTo(positions(appended, 0, 1));
        assertThat(both.json().get("items").get(1).get("merchantId").asText()).isEqualTo(second.value());

        Answer firstOnly = get("/audit-trail" + query("time", "business", "from", when.toString(),
                "to", when.plusSeconds(30).toString()));
        assertThat(firstOnly.positions()).isEqualTo(positions(appended, 0));
    }

    private static final String BEFORE_ALERTS = "2026-06-01T00:00:00Z";

    @Test
    void pages_follow_each_other_in_position_order() {
        List<Long> seen = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        // the detection engine's alerts on this network come after its 13 events (and months later
        // in business time): the range keeps the page arithmetic to the merchant's own events
        for (int page = 0; page < 3; page++) {
            Answer answer = get(trail(a, "to", BEFORE_ALERTS, "page", String.valueOf(page), "size", "5"));
            assertThat(answer.json().get("page").asInt()).isEqualTo(page);
            assertThat(answer.json().get("size").asInt()).isEqualTo(5);
            seen.addAll(answer.positions());
            hasMore.add(answer.json().get("hasMore").asBoolean());
        }
        assertThat(seen).isEqualTo(positions(walkA, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(hasMore).containsExactly(true, true, false);

        Answer saleSecondPage = get(trail(a, "entityType", "sale", "entityId", "S-1", "page", "1", "size", "3"));
        assertThat(saleSecondPage.types()).containsExactly("RefundRequested", "RefundIssued", "CommissionReversed");
        assertThat(saleSecondPage.json().get("hasMore").asBoolean()).isTrue();

        Answer beyond = get(trail(a, "to", BEFORE_ALERTS, "page", "3", "size", "5"));
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.positions()).isEmpty();
        assertThat(beyond.json().get("hasMore").asBoolean()).isFalse();

        Answer farBeyond = get(trail(a, "page", String.valueOf(Integer.MAX_VALUE), "size", "500"));
        assertThat(farBeyond.status()).as("%s", farBeyond).isEqualTo(200);
        assertThat(farBeyond.positions()).isEmpty();
    }

    @Test
    void an_unknown_merchant_or_entity_is_not_found() {
        assertProblem(get("/merchants/M-never-registered-" + a + "/audit-trail"), 404, "unknown-merchant", "merchantId");
        assertProblem(get("/merchants/M-never-registered-" + a + "/audit-trail" + query("entityType", "sale", "entityId", "S-1")),
                404, "unknown-merchant", "merchantId");
        assertProblem(get(trail(a, "entityType", "sale", "entityId", "S-404")), 404, "unknown-sale", "entityId");
        assertProblem(get(trail(a, "entityType", "refund", "entityId", "R-404")), 404, "unknown-refund", "entityId");
        assertProblem(get(trail(a, "entityType", "distributor", "entityId", "D-404")), 404, "unknown-distributor", "entityId");
        assertProblem(get(trail(a, "entityType", "listing", "entityId", "L-404")), 404, "unknown-listing", "entityId");
        assertProblem(get(trail(a, "entityType", "merchant", "entityId", b.value())), 404, "unknown-merchant", "entityId");
        // a sale of another merchant is not one of this merchant's
        assertProblem(get(trail(a, "entityType", "sale", "entityId", "S-1-of-" + b)), 404, "unknown-sale", "entityId");
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "entityType=customer&entityId=C-9                    | entityType",
            "entityType=SALE&entityId=S-1                        | entityType",
            "entityType=sale                                     | entityId",
            "entityId=S-1                                        | entityType",
            "entityType=sale&entityId=S%201                      | entityId",
            "entityType=sale&entityId=sale%2FS-1                 | entityId",
            "from=yesterday                                      | from",
            "from=2026-01-01                                     | from",
            "to=2026-02-30T00:00:00Z                             | to",
            "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z   | from",
            "time=wallclock                                      | time",
            "page=-1                                             | page",
            "page=abc                                            | page",
            "page=99999999999                                    | page",
            "size=0                                              | size",
            "size=501                                            | size",
            "size=1.5                                            | size",
    })
    void a_bad_parameter_of_a_merchant_trail_is_a_problem_naming_it(String parameters, String field) {
        assertProblem(get("/merchants/" + a + "/audit-trail?" + parameters), 400, "invalid-parameter", field);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "from=not-an-instant                                 | from",
            "to=2026-01-01T25:00:00Z                             | to",
            "from=2026-02-01T00:00:00Z&to=2026-01-31T23:59:59Z   | from",
            "time=occurred                                       | time",
            "page=-3                                             | page",
            "size=-5                                             | size",
    })
    void a_bad_parameter_of_the_all_merchants_trail_is_a_problem_naming_it(String parameters, String field) {
        assertProblem(get("/audit-trail?" + parameters), 400, "invalid-parameter", field);
    }

    @Test
    void a_malformed_merchant_id_in_the_path_is_a_bad_request() {
        Answer answer = get("/merchants/-not-an-id/audit-trail");
        assertProblem(answer, 400, "invalid-parameter", "merchantId");
    }

    @Test
    void the_openapi_document_describes_both_queries_under_the_audit_trail_tag() {
        JsonNode api = get("/v3/api-docs").json();
        JsonNode merchantTrail = api.at("/paths/~1merchants~1{merchantId}~1audit-trail/get");
        JsonNode allMerchants = api.at("/paths/~1audit-trail/get");

        assertThat(merchantTrail.get("tags").get(0).asText()).isEqualTo("Audit trail");
        assertThat(allMerchants.get("tags").get(0).asText()).isEqualTo("Audit trail");
        List<String> parameters = new ArrayList<>();
        merchantTrail.get("parameters").forEach(p -> parameters.add(p.get("name").asText()));
        assertThat(parameters).contains("merchantId", "entityType", "entityId", "from", "to", "time", "page", "size");
        assertThat(merchantTrail.at("/responses/404/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(merchantTrail.at("/responses/400/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(allMerchants.at("/responses/400/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(api.at("/components/schemas/AuditEntry/properties/payload/type").asText()).isEqualTo("object");
    }

    private static void assertProblem(Answer answer, int status, String rule, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("%s", answer).isEqualTo("application/problem+json");
        assertThat(answer.rule()).as("%s", answer).isEqualTo(rule);
        assertThat(answer.json().path("field").asText()).as("%s", answer).isEqualTo(field);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("detail").asText()).isNotBlank();
    }

    private static String trail(MerchantId merchant, String... parameters) {
        return "/merchants/" + merchant + "/audit-trail" + query(parameters);
    }

    private static List<Long> positions(List<Appended> events, int... indexes) {
        List<Long> positions = new ArrayList<>();
        for (int index : indexes) {
            positions.add(events.get(index).position());
        }
        return positions;
    }
}
