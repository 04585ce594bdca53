package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.readmodel.ReadModel;
import com.marketplaceledger.axon.readmodel.BatchBuffer;
import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.axon.readmodel.SqlBatch;
import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.RefundRefused;
import com.marketplaceledger.shared.sale.RefundRequested;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keeps the facts of sales, commissions and refunds that the rules need beyond the accounts, and
 * marks each network that changed as pending for the continuous evaluation. Rows are keyed by
 * what their event recorded, so a redelivered batch changes nothing.
 */
@Component
@ProcessingGroup(RiskFactsProjection.NAME)
class RiskFactsProjection implements ReadModel {

    static final String NAME = "risk-facts";

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    RiskFactsProjection(JdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @EventHandler
    void on(SaleRecorded event, EventMessage<?> message, TrackingToken token) {
        var buyer = event.buyer();
        batch().add("""
                        INSERT INTO read_model.risk_sale (merchant_id, sale_id, event_id, seller_id, buyer_id, customer_ref,
                                                          listing_kind, quantity, amount, currency, occurred_at, day)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.merchantId().value(), event.saleId().value(), message.getIdentifier(),
                event.sellerId() == null ? null : event.sellerId().value(),
                buyer.participantId() == null ? null : buyer.participantId().value(), buyer.customerRef(),
                event.listingKind().name(), event.quantity(), event.amount().minorUnits(), event.amount().currency(),
                Timestamp.from(event.occurredAt()), day(event.occurredAt()));
        pending(event, token);
    }

    @EventHandler
    void on(CommissionAccrued event, EventMessage<?> message, TrackingToken token) {
        batch().add("""
                        INSERT INTO read_model.risk_commission (event_id, merchant_id, beneficiary_id, level, basis, amount,
                                                                currency, sale_id, occurred_at, day)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                message.getIdentifier(), event.merchantId().value(), event.beneficiaryId().value(), event.level(),
                event.basis().name(), event.amount().minorUnits(), event.amount().currency(),
                event.saleId() == null ? null : event.saleId().value(), Timestamp.from(event.occurredAt()),
                day(event.occurredAt()));
        pending(event, token);
    }

    @EventHandler
    void on(RefundRequested event, EventMessage<?> message, TrackingToken token) {
        batch().add("""
                        INSERT INTO read_model.risk_refund (merchant_id, sale_id, refund_id, requested_at, request_event_id)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (merchant_id, sale_id, refund_id) DO UPDATE
                            SET requested_at = excluded.requested_at, request_event_id = excluded.request_event_id""",
                event.merchantId().value(), event.saleId().value(), event.refundId().value(),
                Timestamp.from(event.occurredAt()), message.getIdentifier());
        pending(event, token);
    }

    @EventHandler
    void on(RefundIssued event, EventMessage<?> message, TrackingToken token) {
        answer(event, event.saleId().value(), event.refundId().value(), "ISSUED", message, token);
    }

    @EventHandler
    void on(RefundRefused event, EventMessage<?> message, TrackingToken token) {
        answer(event, event.saleId().value(), event.refundId().value(), "REFUSED", message, token);
    }

    /** Any other business event may change a network's headcount, plan or accounts. */
    @EventHandler
    void on(LedgerEvent event, TrackingToken token) {
        if (!(event instanceof AlertRaised) && !event.getClass().getPackageName().endsWith(".casework")) {
            pending(event, token);
        }
    }

    @Override
    public String processor() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("risk_sale", "risk_commission", "risk_refund");
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    private void answer(LedgerEvent event, String saleId, String refundId, String answer, EventMessage<?> message,
                        TrackingToken token) {
        batch().add("""
                        INSERT INTO read_model.risk_refund (merchant_id, sale_id, refund_id, answer, answered_at, answer_event_id)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (merchant_id, sale_id, refund_id) DO UPDATE
                            SET answer = excluded.answer, answered_at = excluded.answered_at,
                                answer_event_id = excluded.answer_event_id""",
                event.merchantId().value(), saleId, refundId, answer, Timestamp.from(event.occurredAt()),
                message.getIdentifier());
        pending(event, token);
    }

    /**
     * The token's position is at least the event's own, so waiting for it is never too early. A
     * batch marks each merchant once, with its newest position and day, in merchant order: the
     * segments share these rows, and lock them in the same order.
     */
    private void pending(LedgerEvent event, TrackingToken token) {
        long position = token == null ? 0 : token.position().orElse(0);
        pendingInBatch().merge(event.merchantId().value(), new Pending(position, calendar.dayOf(event.occurredAt())),
                Pending::newest);
    }

    private SortedMap<String, Pending> pendingInBatch() {
        return BatchBuffer.current(NAME + ".pending", TreeMap::new, pending -> jdbc.batchUpdate("""
                        INSERT INTO read_model.detection_pending (merchant_id, position, day) VALUES (?, ?, ?)
                        ON CONFLICT (merchant_id) DO UPDATE
                            SET position = GREATEST(detection_pending.position, excluded.position),
                                day = GREATEST(detection_pending.day, excluded.day)""",
                pending.entrySet().stream().map(merchant -> new Object[]{merchant.getKey(),
                        merchant.getValue().position(), Date.valueOf(merchant.getValue().day())}).toList()));
    }

    private record Pending(long position, LocalDate day) {

        Pending newest(Pending other) {
            return new Pending(Math.max(position, other.position), day.isAfter(other.day) ? day : other.day);
        }
    }

    private Date day(Instant instant) {
        return Date.valueOf(calendar.dayOf(instant));
    }

    /** Rows of different tables, and refund upserts that set different columns: any order gives the same rows. */
    private SqlBatch batch() {
        return SqlBatch.commuting(NAME, jdbc);
    }
}
