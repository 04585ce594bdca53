package com.marketplaceledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.query.consistency.ReadModelPositions;
import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.listing.ListingRepriced;
import com.marketplaceledger.shared.listing.ListingWithdrawn;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRefused;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit-trail projection against the real event store and read-model tables: every event type
 * lands with its position, stream, type, revision, payload, both times and the right subjects;
 * redelivery changes nothing; a rebuild from event 0 reproduces the same rows; an event committed
 * late (a gap in the global sequence) keeps its own position.
 */
class AuditTrailProjectionIntegrationTest extends AuditTrailTestSupport {

    private static final Instant JAN_01 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Money PRICE = Money.of(19900, "CNY");
    private static final ListingId L1 = ListingId.of("L-1");
    private static final DistributorId D1 = DistributorId.of("D-1");
    private static final DistributorId D2 = DistributorId.of("D-2");
    private static final DistributorId D3 = DistributorId.of("D-3");
    private static final SaleId S1 = SaleId.of("S-1");
    private static final SaleId S2 = SaleId.of("S-2");
    private static final SaleId S3 = SaleId.of("S-3");
    private static final RefundId R1 = RefundId.of("R-1");
    private static final RefundId R2 = RefundId.of("R-2");

    @Autowired
    AuditTrailProjection projection;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReadModelPositions readModels;

    @Autowired
    EventPositions eventPositions;

    @Autowired
    DataSource dataSource;

    @Test
    void the_batch_of_rows_goes_to_postgresql_as_multi_row_inserts() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .as("reWriteBatchedInserts on the service's pooled connections").isTrue();
        }
    }

    @Test
    void merchant_events_land_with_the_merchant_as_their_only_subject() {
        MerchantId m = MerchantId.of(newMerchantId("M-fam-merchant"));
        String stream = StreamIds.merchant(m);
        List<Appended> appended = publishAndAwait(List.of(
                envelope(stream, 0, new MerchantRegistered(m, "Tea Co", "LIC-1", "CN", JAN_01)),
                envelope(stream, 1, new CompensationPlanDeclared(m, 1, WalkThrough.twoLevelPlan(), JAN_01.plusSeconds(60)))));

        assertLanded(appended.get(0), "merchant:" + m);
        assertLanded(appended.get(1), "merchant:" + m);
    }

    @Test
    void listing_events_land_in_the_listing_trail() {
        MerchantId m = MerchantId.of(newMerchantId("M-fam-listing"));
        String stream = StreamIds.listing(m, L1);
        List<Appended> appended = publishAndAwait(List.of(
                envelope(stream, 0, new ListingPublished(m, L1, "TEA-250", "Longjing tea", PRICE, ListingKind.PRODUCT, JAN_01)),
                envelope(stream, 1, new ListingRepriced(m, L1, PRICE, Money.of(21900, "CNY"), JAN_01.plusSeconds(3600))),
                envelope(stream, 2, new ListingWithdrawn(m, L1, "season over", JAN_01.plusSeconds(7200)))));

        for (Appended event : appended) {
            assertLanded(event, "merchant:" + m, "listing:L-1");
        }
    }

    @Test
    void enrolments_land_in_the_trails_of_the_recruit_and_its_sponsor_only() {
        MerchantId m = MerchantId.of(newMerchantId("M-fam-referral"));
        List<Appended> appended = publishAndAwait(List.of(
                envelope(StreamIds.distributor(m, D1), 0, new DistributorEnrolled(m, D1, null, List.of(), null, null, JAN_01)),
                envelope(StreamIds.distributor(m, D2), 0, new DistributorEnrolled(m, D2, D1, List.of(D1), null, null, JAN_01)),
                envelope(StreamIds.distributor(m, D3), 0,
                        new DistributorEnrolled(m, D3, D2, List.of(D2, D1), Money.of(99900, "CNY"), null, JAN_01))));

        assertLanded(appended.get(0), "merchant:" + m, "distributor:D-1");
        assertLanded(appended.get(1), "merchant:" + m, "distributor:D-1", "distributor:D-2");
        assertLanded(appended.get(2), "merchant:" + m, "distributor:D-2", "distributor:D-3");
    }

    @Test
    void sales_land_in_the_trails_of_the_sale_its_listing_its_seller_and_a_participant_buyer() {
        MerchantId m = MerchantId.of(newMerchantId("M-fam-sale"));
        List<Appended> appended = publishAndAwait(List.of(
                envelope(StreamIds.sale(m, S1), 0, sale(m, S1, D2, Buyer.endCustomer("C-9"))),
                envelope(StreamIds.sale(m, S2), 0, sale(m, S2, D2, Buyer.participant(D3))),
                envelope(StreamIds.sale(m, S3), 0, sale(m, S3, null, Buyer.participant(D3)))));

        assertLanded(appended.get(0), "merchant:" + m, "sale:S-1", "listing:L-1", "distributor:D-2");
        assertLanded(appended.get(1), "merchant:" + m, "sale:S-2", "listing:L-1", "distributor:D-2", "distributor:D-3");
        assertLanded(appended.get(2), "merchant:" + m, "sale:S-3", "listing:L-1", "distributor:D-3");
    }

    @Test
    void refund_events_land_in_the_trails_of_the_refund_and_its_sale() {
        MerchantId m = MerchantId.of(newMerchantId("M-fam-refund"));
        String stream = StreamIds.sale(m, S1);
        List<Appended> appended = publishAndAwait(List.of(
                envelope(stream, 0, sale(m, S1, D2, Buyer.endCustomer("C-9"))),
                envelope(stream, 1, new RefundRequested(m, S1, R1, Money.of(10000, "CNY"), "damaged box", JAN_01.plusSeconds(60))),
                envelope(stream, 2, new RefundIssued(m, S1, R1, Money.of(10000, "CNY"), Money.of(9900, "CNY"), JAN_01.plusSeconds(120))),
                envelope(stream, 3, new RefundRequested(m, S1, R2, Money.of(9900, "CNY"), null, JAN_01.plusSeconds(180))),
                envelope(stream, 4, new RefundRefused(m, S1, R2, "opened", JAN_01.plusSeconds(240)))));

        assertLanded(appended.get(1), "merchant:" + m, "sale:S-1", "refund:R-1");
        assertLanded(appended.get(2), "merchant:" + m, "sale:S-1", "refund:R-1");
        assertLanded(appended.get(3), "merchant:" + m, "sale:S-1", "refund:R-2");
        assertLanded(appended.get(4), "merchant:" + m, "sale:S-1", "refund:R-2");
    }

    @Test
    void commissions_land_in_the_trails_of_the_beneficiary_and_the_sale_or_recruit_and_reversals_in_the_refund_trail() {
        MerchantId m = MerchantId.of(newMerchantId("M-fam-commission"));
        String sale = StreamIds.sale(m, S1);
        Money base = Money.of(39800, "CNY");
        List<Appended> appended = publishAndAwait(List.of(
                envelope(StreamIds.distributor(m, D3), 0, new DistributorEnrolled(m, D3, D2, List.of(D2, D1), null, 1, JAN_01)),
                envelope(StreamIds.distributor(m, D3), 1, new CommissionAccrued(m,
                        CommissionId.onEnrolment(D3, CommissionBasis.RECRUITMENT, 2), D2, 2, CommissionBasis.RECRUITMENT,
                        Money.of(5000, "CNY"), null, null, 1, null, D3, JAN_01)),
                envelope(sale, 0, sale(m, S1, D3, Buyer.endCustomer("C-9"))),
                envelope(sale, 1, new CommissionAccrued(m, CommissionId.onSale(S1, 2), D2, 2, CommissionBasis.DOWNLINE_SALE,
                        Money.of(1990, "CNY"), base, 500, 1, S1, null, JAN_01)),
                envelope(sale, 2, new RefundRequested(m, S1, R1, PRICE, null, JAN_01.plusSeconds(60))),
                envelope(sale, 3, new RefundIssued(m, S1, R1, PRICE, PRICE, JAN_01.plusSeconds(120))),
                envelope(sale, 4, new CommissionReversed(m, CommissionId.onSale(S1, 2), D2, Money.of(995, "CNY"), S1, R1,
                        JAN_01.plusSeconds(120)))));

        assertLanded(appended.get(1), "merchant:" + m, "distributor:D-2", "distributor:D-3");
        assertLanded(appended.get(3), "merchant:" + m, "distributor:D-2", "sale:S-1");
        assertLanded(appended.get(6), "merchant:" + m, "distributor:D-2", "sale:S-1", "refund:R-1");
    }

    @Test
    void redelivering_a_batch_changes_nothing() {
        MerchantId m = MerchantId.of(newMerchantId("M-redeliver"));
        List<Appended> appended = publishAndAwait(WalkThrough.events(m, Instant.parse("2026-01-15T00:00:00Z")));
        // the dump is of every merchant's rows: alerts raised meanwhile on earlier tests' networks would show in it
        awaitDetectionSettled();
        List<String> before = dumpAuditTables();

        // the same batch again, as a retry after a lost commit would deliver it: once with the
        // positions a global sequence token tells, once with gap-aware tokens whose positions the
        // flush reads back from the event table
        List<AuditTrailProjection.EventRow> exact = appended.stream().map(a -> AuditTrailProjection.row(
                a.message().getPayload(), a.message(), new GlobalSequenceTrackingToken(a.position()))).toList();
        List<AuditTrailProjection.EventRow> fromGapAwareTokens = appended.stream().map(a -> AuditTrailProjection.row(
                a.message().getPayload(), a.message(), GapAwareTrackingToken.newInstance(a.position() + 1000, Set.of())))
                .toList();
        var transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            projection.flush(exact);
            projection.flush(exact);
        });
        transaction.executeWithoutResult(status -> projection.flush(fromGapAwareTokens));

        assertThat(dumpAuditTables()).isEqualTo(before);
        // the walk-through's own events, once each (the alerts detection raised on its network are rows of their own)
        Long[] batch = appended.stream().map(Appended::position).toArray(Long[]::new);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.audit_event WHERE merchant_id = ? AND position = ANY (?)",
                Long.class, m.value(), batch)).isEqualTo(13);
    }

    @Test
    void an_event_committed_after_a_later_one_keeps_its_own_position() throws Exception {
        MerchantId early = MerchantId.of(newMerchantId("M-gap-early"));
        MerchantId late = MerchantId.of(newMerchantId("M-gap-late"));
        Envelope slowEvent = envelope(StreamIds.merchant(early), 0, new MerchantRegistered(early, "Slow Co", "LIC-S", "CN", JAN_01));
        Envelope fastEvent = envelope(StreamIds.merchant(late), 0, new MerchantRegistered(late, "Fast Co", "LIC-F", "CN", JAN_01));
        var slowMessage = slowEvent.message();
        var appendedInTransaction = new CountDownLatch(1);
        var mayCommit = new CountDownLatch(1);
        var failure = new AtomicReference<Throwable>();

        // the slow transaction takes the lower global index but commits after the fast one
        Thread slow = new Thread(() -> {
            try {
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    eventStore.publish(slowMessage);
                    appendedInTransaction.countDown();
                    try {
                        assertThat(mayCommit.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
            } catch (Throwable e) {
                failure.set(e);
                appendedInTransaction.countDown();
            }
        }, "slow-append");
        slow.start();
        assertThat(appendedInTransaction.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        List<Appended> fast = publishAndAwait(List.of(fastEvent));
        mayCommit.countDown();
        slow.join(PATIENCE.toMillis());
        assertThat(failure.get()).isNull();

        long slowPosition = positionsInEventStore(List.of(slowMessage.getIdentifier())).get(slowMessage.getIdentifier());
        assertThat(slowPosition).isLessThan(fast.get(0).position());
        awaitTrue("the late-committed event in the audit trail", () -> countAudited(slowMessage.getIdentifier()) == 1);
        assertThat(eventRow(slowPosition).eventId()).isEqualTo(slowMessage.getIdentifier());
        assertThat(eventRow(fast.get(0).position()).eventId()).isEqualTo(fast.get(0).eventId());
        assertThat(subjectRows(slowPosition)).extracting(SubjectRow::merchantId).containsExactly(early.value());
    }

    @Test
    void a_rebuild_from_event_zero_empties_the_tables_and_reproduces_exactly_the_same_rows() {
        publishAndAwait(WalkThrough.events(MerchantId.of(newMerchantId("M-rebuild")), Instant.parse("2026-01-20T00:00:00Z")));
        awaitDetectionSettled();
        List<String> before = dumpAuditTables();
        // a row no event justifies: the reset must remove it
        jdbc.update("""
                INSERT INTO read_model.audit_subject (merchant_id, entity_type, entity_id, position, occurred_at, recorded_at)
                VALUES ('M-stray', 'sale', 'S-stray', 0, now(), now())""");

        StreamingEventProcessor processor = processing
                .eventProcessor(AuditTrailProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
        awaitAuditTrailAtHead();

        assertThat(dumpAuditTables()).isEqualTo(before);
    }

    private void awaitAuditTrailAtHead() {
        long head = eventPositions.head();
        awaitTrue("the audit trail to reach position " + head,
                () -> readModels.processedPositions().getOrDefault(AuditTrailProjection.PROCESSING_GROUP, 0L) >= head);
    }

    /** The event's row holds what the message held, and its subjects are exactly these. */
    private void assertLanded(Appended appended, String... subjects) {
        LedgerEvent event = appended.message().getPayload();
        EventRow row = eventRow(appended.position());
        assertThat(row.eventId()).isEqualTo(appended.eventId());
        assertThat(row.merchantId()).isEqualTo(event.merchantId().value());
        assertThat(row.stream()).isEqualTo(appended.message().getAggregateIdentifier());
        assertThat(row.sequenceNumber()).isEqualTo(appended.message().getSequenceNumber());
        assertThat(row.type()).isEqualTo(event.getClass().getSimpleName());
        assertThat(row.revision()).isEqualTo("1");
        assertThat(row.payload()).isEqualTo(publishedJson(event));
        assertThat(row.payload().isObject()).isTrue();
        assertThat(row.occurredAt()).isEqualTo(event.occurredAt());
        assertThat(row.recordedAt()).isEqualTo(appended.message().getTimestamp());

        List<SubjectRow> rows = subjectRows(appended.position());
        Set<String> actual = rows.stream().map(s -> s.entityType() + ":" + s.entityId())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as("subjects of %s", row.type())
                .isEqualTo(new TreeSet<>(List.of(subjects)));
        assertThat(rows).allSatisfy(s -> {
            assertThat(s.merchantId()).isEqualTo(event.merchantId().value());
            assertThat(s.occurredAt()).isEqualTo(row.occurredAt());
            assertThat(s.recordedAt()).isEqualTo(row.recordedAt());
        });
        assertThat(rows).hasSize(subjects.length);
    }

    private static JsonNode publishedJson(LedgerEvent event) {
        try {
            return JSON.readTree(LedgerJson.objectMapper().writeValueAsString(event));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static SaleRecorded sale(MerchantId m, SaleId sale, DistributorId seller, Buyer buyer) {
        return new SaleRecorded(m, sale, L1, ListingKind.PRODUCT, seller, buyer, 2, PRICE, Money.of(39800, "CNY"), 1, JAN_01);
    }

    /** Recorded now, to the millisecond: the precision at which Axon stores an event's timestamp. */
    private static Envelope envelope(String stream, long sequenceNumber, LedgerEvent event) {
        return new Envelope(stream, sequenceNumber, event, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
