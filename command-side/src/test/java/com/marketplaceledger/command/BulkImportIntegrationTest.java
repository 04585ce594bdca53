package com.marketplaceledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.command.support.ApiResponse;
import com.marketplaceledger.command.support.EventTable;
import com.marketplaceledger.command.support.EventTable.StoredEvent;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Bulk import: NDJSON, one command per line; every line answered on its own, accepted lines
 * recorded even when others are refused.
 */
class BulkImportIntegrationTest extends LedgerApiTestBase {

    private static final String PLAN = """
            {"type":"DeclareCompensationPlan","plan":{"salesRates":[{"level":1,"basisPoints":1000},{"level":2,"basisPoints":500}],"joiningFeeRates":[],"refundWindowDays":30,"buybackBasisPoints":9000},"occurredAt":"2026-01-01T00:00:00Z"}""";

    private static String listing(String listingId, long minorUnits) {
        return """
                {"type":"PublishListing","listingId":"%s","sku":"SKU-%s","title":"Tea","unitPrice":{"minorUnits":%d,"currency":"CNY"},"kind":"PRODUCT","occurredAt":"2026-01-02T00:00:00Z"}"""
                .formatted(listingId, listingId, minorUnits);
    }

    private static String enrol(String distributorId, String sponsorId) {
        return sponsorId == null
                ? """
                {"type":"EnrolDistributor","distributorId":"%s","occurredAt":"2026-01-03T00:00:00Z"}""".formatted(distributorId)
                : """
                {"type":"EnrolDistributor","distributorId":"%s","sponsorId":"%s","occurredAt":"2026-01-03T00:00:00Z"}"""
                .formatted(distributorId, sponsorId);
    }

    private static String sale(String saleId, String listingId, String sellerId, int quantity) {
        return """
                {"type":"RecordSale","saleId":"%s","listingId":"%s","sellerId":"%s","buyer":{"kind":"END_CUSTOMER","customerRef":"C-1"},"quantity":%d,"occurredAt":"2026-01-10T00:00:00Z"}"""
                .formatted(saleId, listingId, sellerId, quantity);
    }

    /** One line of every kind of command, in business order (line 7 is blank): 12 commands. */
    private static List<String> everyKindOfCommand(String m) {
        return List.of(
                PLAN,
                listing("L-1", 10000),
                listing("L-2", 500),
                """
                {"type":"RepriceListing","listingId":"L-2","unitPrice":{"minorUnits":600,"currency":"CNY"},"occurredAt":"2026-01-04T00:00:00Z"}""",
                """
                {"type":"WithdrawListing","listingId":"L-2","reason":"discontinued","occurredAt":"2026-01-05T00:00:00Z"}""",
                enrol("D-1", null),
                "",
                enrol("D-2", "D-1"),
                sale("S-1", "L-1", "D-2", 3),
                """
                {"type":"RequestRefund","saleId":"S-1","refundId":"R-1","amount":{"minorUnits":10000,"currency":"CNY"},"reason":"broken","occurredAt":"2026-01-11T00:00:00Z"}""",
                """
                {"type":"IssueRefund","saleId":"S-1","refundId":"R-1","occurredAt":"2026-01-12T00:00:00Z"}""",
                """
                {"type":"RequestRefund","saleId":"S-1","refundId":"R-2","amount":{"minorUnits":500,"currency":"CNY"},"occurredAt":"2026-01-11T00:00:00Z"}""",
                """
                {"type":"RefuseRefund","saleId":"S-1","refundId":"R-2","reason":"used","merchantId":"%s","occurredAt":"2026-01-12T00:00:00Z"}"""
                        .formatted(m));
    }

    @Test
    void anImportOfEveryKindOfCommandIsRecordedLineByLine() {
        String m = registeredMerchant("M-import");
        long before = EventTable.head();
        List<String> lines = everyKindOfCommand(m);

        ApiResponse response = postNdjson(m, String.join("\n", lines) + "\n");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.mediaType()).isEqualTo("application/json");
        JsonNode answer = response.json();
        assertThat(answer.path("accepted").asInt()).isEqualTo(12);
        assertThat(answer.path("rejected").asInt()).isEqualTo(0);
        List<JsonNode> answered = list(answer.path("lines"));
        String sale = "sale/" + m + "/S-1";
        assertThat(answered).extracting(l -> l.path("line").asInt(), l -> l.path("status").asText(), l -> l.path("stream").asText())
                .containsExactly(
                        tuple(1, "accepted", "merchant/" + m),
                        tuple(2, "accepted", "listing/" + m + "/L-1"),
                        tuple(3, "accepted", "listing/" + m + "/L-2"),
                        tuple(4, "accepted", "listing/" + m + "/L-2"),
                        tuple(5, "accepted", "listing/" + m + "/L-2"),
                        tuple(6, "accepted", "distributor/" + m + "/D-1"),
                        // line 7 is blank: skipped, but the numbering follows the body's lines
                        tuple(8, "accepted", "distributor/" + m + "/D-2"),
                        tuple(9, "accepted", sale),
                        tuple(10, "accepted", sale),
                        tuple(11, "accepted", sale),
                        tuple(12, "accepted", sale),
                        tuple(13, "accepted", sale));

        // each line's position is the global index of the last event it appended
        List<StoredEvent> stored = EventTable.after(before);
        long previous = before;
        for (JsonNode line : answered) {
            assertThat(line.path("position").isIntegralNumber()).isTrue();
            long position = line.path("position").asLong();
            long from = previous;
            List<StoredEvent> ofLine = stored.stream()
                    .filter(e -> e.globalIndex() > from && e.globalIndex() <= position).toList();
            assertThat(ofLine).as("events of line %s", line).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.stream()).isEqualTo(line.path("stream").asText()));
            assertThat(ofLine.get(ofLine.size() - 1).globalIndex()).isEqualTo(position);
            previous = position;
        }
        assertThat(stored).extracting(StoredEvent::simpleType).containsExactly(
                "CompensationPlanDeclared", "ListingPublished", "ListingPublished", "ListingRepriced", "ListingWithdrawn",
                "DistributorEnrolled", "DistributorEnrolled",
                "SaleRecorded", "CommissionAccrued", "CommissionAccrued",
                "RefundRequested", "RefundIssued", "CommissionReversed", "CommissionReversed",
                "RefundRequested", "RefundRefused");

        // 3 x 10000 = 30000: 3000 to D-2 (own retail sale), 1500 to D-1; a third refunded: 1000 and 500 back
        assertThat(stored).filteredOn(e -> e.simpleType().startsWith("Commission"))
                .extracting(StoredEvent::simpleType, e -> e.payload().path("beneficiaryId").asText(),
                        e -> e.payload().path("amount").path("minorUnits").asLong())
                .containsExactly(
                        tuple("CommissionAccrued", "D-2", 3000L),
                        tuple("CommissionAccrued", "D-1", 1500L),
                        tuple("CommissionReversed", "D-2", 1000L),
                        tuple("CommissionReversed", "D-1", 500L));
        assertThat(stored).allSatisfy(e -> assertThat(e.payload().path("merchantId").asText()).isEqualTo(m));
    }

    @Test
    void goodLinesAreRecordedAndBadLinesAnsweredWithTheirProblem() {
        String m = registeredMerchant("M-import-mixed");
        long before = EventTable.count();
        String ndjson = String.join("\n",
                listing("L-1", 1000),                                   // 1 accepted
                "{",                                                    // 2 not JSON
                enrol("D-1", null),                                     // 3 accepted
                sale("S-1", "L-nope", "D-1", 1),                        // 4 unknown listing
                "[1,2]",                                                // 5 not an object
                """
                {"type":"RegisterMerchant","name":"x"}""",              // 6 not an importable command
                listing("L-2", -5),                                     // 7 negative amount
                listing("L-1", 2000),                                   // 8 another listing with the same id
                """
                {"type":"RecordSale","saleId":"S-2","listingId":"L-1","sellerId":"D-1","buyer":{"kind":"END_CUSTOMER"},"quantity":"two","occurredAt":"2026-01-10T00:00:00Z"}""", // 9 wrong type
                enrol("D-2", "D-2"),                                    // 10 under itself
                sale("S-3", "L-1", "D-1", 2));                          // 11 accepted

        ApiResponse response = postNdjson(m, ndjson);

        assertProblem(response, 422, "import-lines-rejected", null);
        JsonNode answer = response.json();
        assertThat(answer.path("accepted").asInt()).isEqualTo(3);
        assertThat(answer.path("rejected").asInt()).isEqualTo(8);
        assertThat(list(answer.path("lines")))
                .extracting(l -> l.path("line").asInt(), l -> l.path("status").asText(),
                        l -> l.path("problem").path("rule").asText(null), l -> l.path("problem").path("status").asInt())
                .containsExactly(
                        tuple(1, "accepted", null, 0),
                        tuple(2, "rejected", "malformed-json", 400),
                        tuple(3, "accepted", null, 0),
                        tuple(4, "rejected", "unknown-listing", 404),
                        tuple(5, "rejected", "not-a-command", 422),
                        tuple(6, "rejected", "unknown-command-type", 422),
                        tuple(7, "rejected", "invalid-command", 400),
                        tuple(8, "rejected", "already-exists", 409),
                        tuple(9, "rejected", "malformed-json", 400),
                        tuple(10, "rejected", "self-sponsorship", 422),
                        tuple(11, "accepted", null, 0));
        assertThat(list(answer.path("lines"))).filteredOn(l -> l.path("status").asText().equals("rejected"))
                .allSatisfy(l -> {
                    assertThat(l.path("problem").path("detail").asText()).isNotBlank();
                    assertThat(l.has("position")).isFalse();
                });
        assertThat(list(answer.path("lines")).get(8).path("problem").path("field").asText()).isEqualTo("quantity");

        assertThat(EventTable.ofMerchant(m)).extracting(StoredEvent::stream, StoredEvent::simpleType)
                .containsExactly(
                        tuple("merchant/" + m, "MerchantRegistered"),
                        tuple("listing/" + m + "/L-1", "ListingPublished"),
                        tuple("distributor/" + m + "/D-1", "DistributorEnrolled"),
                        tuple("sale/" + m + "/S-3", "SaleRecorded"));
        assertThat(EventTable.count()).isEqualTo(before + 3);
        assertThat(EventTable.ofStream("listing/" + m + "/L-1").get(0).payload().path("unitPrice").path("minorUnits").asLong())
                .isEqualTo(1000);
    }

    @Test
    void aLineForAnotherMerchantIsRefused() {
        String m = registeredMerchant("M-import-mine");
        String other = registeredMerchant("M-import-other");
        String line = """
                {"type":"EnrolDistributor","merchantId":"%s","distributorId":"D-1","occurredAt":"2026-01-03T00:00:00Z"}"""
                .formatted(other);

        ApiResponse response = withoutRecording(() -> postNdjson(m, line));

        assertProblem(response, 422, "import-lines-rejected", null);
        JsonNode refused = response.json().path("lines").get(0);
        assertThat(refused.path("status").asText()).isEqualTo("rejected");
        assertThat(refused.path("problem").path("rule").asText()).isEqualTo("merchant-mismatch");
        assertThat(refused.path("problem").path("field").asText()).isEqualTo("merchantId");
        assertThat(EventTable.ofMerchant(m)).hasSize(1);
        assertThat(EventTable.ofMerchant(other)).hasSize(1);
    }

    @Test
    void anImportForAnUnknownMerchantRecordsNothing() {
        String nobody = newMerchantId("M-import-nobody");
        ApiResponse response = withoutRecording(() -> postNdjson(nobody, enrol("D-1", null) + "\n" + listing("L-1", 100)));

        assertProblem(response, 422, "import-lines-rejected", null);
        assertThat(list(response.json().path("lines"))).extracting(l -> l.path("problem").path("rule").asText())
                .containsExactly("unknown-merchant", "unknown-merchant");
    }

    @Test
    void anEmptyImportIsRefused() {
        String m = registeredMerchant("M-import-empty");
        assertProblem(withoutRecording(() -> postNdjson(m, "")), 400, "empty-import", null);
        assertProblem(withoutRecording(() -> postNdjson(m, "\n  \n\n")), 400, "empty-import", null);
    }

    @Test
    void aThousandEnrolmentsInOneImport() {
        String m = registeredMerchant("M-import-bulk");
        int count = 1000;
        String ndjson = IntStream.rangeClosed(1, count)
                .mapToObj(i -> enrol("D-" + i, i == 1 ? null : "D-" + (i / 2)))
                .collect(Collectors.joining("\n"));
        long before = EventTable.count();

        ApiResponse response = postNdjson(m, ndjson);

        assertThat(response.status()).as("%s", response.json().path("rejected")).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(count);
        List<Long> positions = list(response.json().path("lines")).stream().map(l -> l.path("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(EventTable.count()).isEqualTo(before + count);
        assertThat(transactionsOf(m)).as("one commit per 100 lines (ledger.import.transaction.lines in the tests)")
                .isEqualTo(count / 100 + 1);
        // D-1000's upline is its binary-tree ancestors, sponsor first
        List<StoredEvent> last = EventTable.ofStream("distributor/" + m + "/D-1000");
        assertThat(last.get(0).payload().path("upline").toString())
                .isEqualTo("[\"D-500\",\"D-250\",\"D-125\",\"D-62\",\"D-31\",\"D-15\",\"D-7\",\"D-3\",\"D-1\"]");
    }

    @Test
    void anImportLongerThanTheLimitRecordsTheLinesWithinItAndSaysWhereItStopped() {
        String m = registeredMerchant("M-import-too-long");
        String ndjson = IntStream.rangeClosed(1, 1501).mapToObj(i -> enrol("D-" + i, null)).collect(Collectors.joining("\n"));

        ApiResponse response = postNdjson(m, ndjson);

        assertProblem(response, 413, "import-too-large", null);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(1500);
        assertThat(response.json().path("detail").asText()).contains("lines from 1501 on were not read");
        assertThat(EventTable.ofMerchant(m)).hasSize(1 + 1500);
    }

    @Test
    void theLinesOfAnImportShareOneCommitAndARefusedLineIsRolledBackAlone() {
        String m = registeredMerchant("M-import-savepoints");
        String ndjson = String.join("\n",
                listing("L-1", 1000),                                   // 1
                enrol("D-1", null),                                     // 2
                sale("S-1", "L-1", "D-1", 1),                           // 3
                sale("S-1", "L-1", "D-1", 2),                           // 4 another sale S-1: refused by the event table's unique key
                enrol("D-2", "D-1"),                                    // 5
                sale("S-2", "L-1", "D-2", 1));                          // 6

        ApiResponse response = postNdjson(m, ndjson);

        assertProblem(response, 422, "import-lines-rejected", null);
        assertThat(list(response.json().path("lines")))
                .extracting(l -> l.path("status").asText(), l -> l.path("problem").path("rule").asText(null))
                .containsExactly(tuple("accepted", null), tuple("accepted", null), tuple("accepted", null),
                        tuple("rejected", "already-exists"), tuple("accepted", null), tuple("accepted", null));
        assertThat(EventTable.ofMerchant(m)).extracting(StoredEvent::stream).containsExactly(
                "merchant/" + m, "listing/" + m + "/L-1", "distributor/" + m + "/D-1", "sale/" + m + "/S-1",
                "distributor/" + m + "/D-2", "sale/" + m + "/S-2");
        assertThat(transactionsOf(m)).as("the registration's commit and one for the whole import").isEqualTo(2);
    }

    @Test
    void anImportStopsAtTheFirstLineTheLedgerCannotRecordAndRecordsTheRestWhenSentAgainWhole() throws SQLException {
        String m = registeredMerchant("M-import-commit-fails");
        String ndjson = String.join("\n",
                enrol("D-1", null),
                enrol("D-2", "D-1"),
                enrol("D-fails-at-commit", "D-1"),
                enrol("D-3", "D-fails-at-commit"),                      // needs line 3: going on would refuse it for good
                enrol("D-4", "D-3"));

        ApiResponse interrupted;
        try (var failing = new FailingAtCommit("D-fails-at-commit")) {
            interrupted = postNdjson(m, ndjson);
        }

        assertProblem(interrupted, 503, "import-interrupted", null);
        assertThat(interrupted.json().path("notRecordedFrom").asInt()).isEqualTo(3);
        assertThat(list(interrupted.json().path("lines")))
                .extracting(l -> l.path("status").asText(), l -> l.path("problem").path("rule").asText(null))
                .containsExactly(tuple("accepted", null), tuple("accepted", null), tuple("rejected", "internal-error"));
        assertThat(EventTable.ofMerchant(m)).extracting(StoredEvent::stream).containsExactly(
                "merchant/" + m, "distributor/" + m + "/D-1", "distributor/" + m + "/D-2");
        assertThat(transactionsOf(m)).as("the registration's commit, then one for each line recorded alone").isEqualTo(3);

        ApiResponse again = postNdjson(m, ndjson);

        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().path("accepted").asInt()).isEqualTo(5);
        assertThat(again.json().path("alreadyRecorded").asInt()).isEqualTo(2);
        assertThat(EventTable.ofMerchant(m)).extracting(StoredEvent::stream).containsExactly(
                "merchant/" + m, "distributor/" + m + "/D-1", "distributor/" + m + "/D-2",
                "distributor/" + m + "/D-fails-at-commit", "distributor/" + m + "/D-3", "distributor/" + m + "/D-4");
    }

    @Test
    void anImportSentAgainIsAcceptedLineByLineAsAlreadyRecordedAndRecordsNothing() {
        String m = registeredMerchant("M-import-again");
        String ndjson = String.join("\n", everyKindOfCommand(m));
        ApiResponse first = postNdjson(m, ndjson);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().path("alreadyRecorded").asInt()).isZero();

        ApiResponse again = withoutRecording(() -> postNdjson(m, ndjson));

        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().path("accepted").asInt()).isEqualTo(12);
        assertThat(again.json().path("alreadyRecorded").asInt()).isEqualTo(12);
        assertThat(again.json().path("rejected").asInt()).isZero();
        assertThat(list(again.json().path("lines"))).allSatisfy(line -> {
            assertThat(line.path("status").asText()).isEqualTo("accepted");
            assertThat(line.path("alreadyRecorded").asBoolean()).as("%s", line).isTrue();
        });
        assertThat(streamsAndPositions(again)).isEqualTo(streamsAndPositions(first));
    }

    @Test
    void anImportCutOffAndSentAgainWholeRecordsEveryLineOnce() {
        String m = registeredMerchant("M-import-cut-off");
        List<String> lines = IntStream.rangeClosed(1, 250)
                .mapToObj(i -> enrol("D-" + i, i == 1 ? null : "D-" + (i / 2))).toList();
        // what a crash after the first two transactions (100 lines each in the tests) and half the third leaves
        ApiResponse cutOff = postNdjson(m, String.join("\n", lines.subList(0, 150)));
        assertThat(cutOff.status()).as("%s", cutOff).isEqualTo(200);

        ApiResponse whole = postNdjson(m, String.join("\n", lines));

        assertThat(whole.status()).as("%s", whole).isEqualTo(200);
        assertThat(whole.json().path("accepted").asInt()).isEqualTo(250);
        assertThat(whole.json().path("alreadyRecorded").asInt()).isEqualTo(150);
        List<JsonNode> answered = list(whole.json().path("lines"));
        assertThat(answered.subList(0, 150)).allSatisfy(line -> assertThat(line.path("alreadyRecorded").asBoolean()).isTrue());
        assertThat(answered.subList(150, 250)).allSatisfy(line -> assertThat(line.has("alreadyRecorded")).isFalse());
        assertThat(streamsAndPositions(whole).subList(0, 150)).isEqualTo(streamsAndPositions(cutOff));
        assertThat(EventTable.ofMerchant(m)).filteredOn(e -> e.simpleType().equals("DistributorEnrolled"))
                .extracting(StoredEvent::stream).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void aLineChangedSinceItWasRecordedIsRejectedAsAConflictWhileTheUnchangedOneIsAlreadyRecorded() {
        String m = registeredMerchant("M-import-changed");
        ApiResponse first = postNdjson(m, String.join("\n", listing("L-1", 1000), enrol("D-1", null)));
        assertThat(first.status()).as("%s", first).isEqualTo(200);

        ApiResponse changed = withoutRecording(() -> postNdjson(m, String.join("\n", listing("L-1", 2000), enrol("D-1", null))));

        assertProblem(changed, 422, "import-lines-rejected", null);
        assertThat(changed.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(changed.json().path("alreadyRecorded").asInt()).isEqualTo(1);
        assertThat(changed.json().path("rejected").asInt()).isEqualTo(1);
        assertThat(list(changed.json().path("lines")))
                .extracting(l -> l.path("status").asText(), l -> l.path("problem").path("rule").asText(null),
                        l -> l.path("alreadyRecorded").asBoolean())
                .containsExactly(tuple("rejected", "already-exists", false), tuple("accepted", null, true));
    }

    @Test
    void theSameLineTwiceInOneImportIsRecordedOnce() {
        String m = registeredMerchant("M-import-same-line");

        ApiResponse response = postNdjson(m, String.join("\n", enrol("D-1", null), enrol("D-1", null)));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("alreadyRecorded").asInt()).isEqualTo(1);
        List<JsonNode> answered = list(response.json().path("lines"));
        assertThat(answered.get(0).has("alreadyRecorded")).isFalse();
        assertThat(answered.get(1).path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(answered.get(1).path("position").asLong()).isEqualTo(answered.get(0).path("position").asLong());
        assertThat(EventTable.ofMerchant(m)).extracting(StoredEvent::simpleType)
                .containsExactly("MerchantRegistered", "DistributorEnrolled");
    }

    /**
     * A deferred constraint trigger that refuses, at commit and not before, every transaction that
     * enrols the given distributor: the one failure the savepoints cannot catch.
     */
    private static final class FailingAtCommit implements AutoCloseable {

        FailingAtCommit(String distributorId) throws SQLException {
            execute("""
                    CREATE FUNCTION command_side.refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$""");
            execute("""
                    CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON command_side.distributor
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.distributor_id = '%s')
                    EXECUTE FUNCTION command_side.refuse_at_commit()""".formatted(distributorId));
        }

        @Override
        public void close() throws SQLException {
            execute("DROP TRIGGER refuse_at_commit ON command_side.distributor");
            execute("DROP FUNCTION command_side.refuse_at_commit()");
        }

        private static void execute(String sql) throws SQLException {
            try (Connection connection = TestDatabase.connect(); var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /** How many database transactions wrote the merchant's events (their rows' distinct commit times). */
    private static long transactionsOf(String merchantId) {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement("SELECT count(DISTINCT pg_xact_commit_timestamp(xmin)) FROM "
                     + EventTable.TABLE + " WHERE split_part(aggregate_identifier, '/', 2) = ?")) {
            query.setString(1, merchantId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the transactions of " + merchantId, e);
        }
    }

    /** Each line's stream and position, in the order of the answer. */
    private static List<String> streamsAndPositions(ApiResponse response) {
        return list(response.json().path("lines")).stream()
                .map(line -> line.path("stream").asText() + "@" + line.path("position").asLong()).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
    }
}
