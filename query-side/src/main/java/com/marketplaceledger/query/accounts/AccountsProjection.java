package com.marketplaceledger.query.accounts;

import com.marketplaceledger.axon.readmodel.ReadModel;
import com.marketplaceledger.axon.readmodel.BatchBuffer;
import com.marketplaceledger.axon.readmodel.BusinessCalendar;
import com.marketplaceledger.axon.readmodel.ColumnArrays;
import com.marketplaceledger.axon.readmodel.SqlBatch;
import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.BuyerKind;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Turns every money movement into account entries of the parties it concerns, and rolls them up
 * per party and day and per network and day. An entry is keyed by its event's identifier and its
 * line in that event, and the roll-ups only grow when the entry is new, so a redelivered batch
 * changes nothing and a replay from event 0 rebuilds the same rows.
 */
@Component
@ProcessingGroup(AccountsProjection.NAME)
class AccountsProjection implements ReadModel {

    static final String NAME = "accounts";
    /** The merchant as a party of its own accounts; '#' is never part of a distributor id. */
    static final String MERCHANT = "#merchant";

    /**
     * Books a batch's entries in one statement. Only entries that are new grow the roll-ups, each
     * roll-up row once per batch and in key order: a processor's segments then lock the rows they
     * share in the same order and wait for each other instead of deadlocking.
     */
    private static final String BOOK = """
            WITH given AS (
                SELECT * FROM unnest(?::varchar[], ?::int4[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                     ?::int8[], ?::text[]::timestamptz[], ?::text[]::date[], ?::varchar[], ?::text[],
                                     ?::varchar[])
                    AS g(event_id, line, merchant_id, party_id, kind, currency, amount, occurred_at, day,
                         counterparty, source_id, listing_kind)
            ), entry AS (
                INSERT INTO read_model.account_entry (event_id, line, merchant_id, party_id, kind, currency, amount,
                                                      occurred_at, day, counterparty, source_id, listing_kind)
                SELECT * FROM given
                ON CONFLICT DO NOTHING
                RETURNING merchant_id, party_id, day, kind, currency, amount
            ), party AS (
                INSERT INTO read_model.account_day (merchant_id, party_id, day, kind, currency, amount, entries)
                SELECT merchant_id, party_id, day, kind, currency, sum(amount), count(*) FROM entry
                GROUP BY merchant_id, party_id, day, kind, currency
                ORDER BY merchant_id, party_id, day, kind, currency
                ON CONFLICT (merchant_id, party_id, day, kind, currency) DO UPDATE
                    SET amount = account_day.amount + excluded.amount, entries = account_day.entries + excluded.entries
            )
            INSERT INTO read_model.network_account_day (merchant_id, day, kind, currency, amount, entries)
            SELECT merchant_id, day, kind, currency, sum(amount), count(*) FROM entry
            GROUP BY merchant_id, day, kind, currency
            ORDER BY merchant_id, day, kind, currency
            ON CONFLICT (merchant_id, day, kind, currency) DO UPDATE
                SET amount = network_account_day.amount + excluded.amount,
                    entries = network_account_day.entries + excluded.entries""";

    /** Who sold and who bought, which a refund of the sale needs. */
    private record SaleParties(String seller, String buyer) {
    }

    private record SaleKey(String merchantId, String saleId) {
    }

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    AccountsProjection(JdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @EventHandler
    void on(SaleRecorded event, EventMessage<?> message) {
        String seller = party(event.sellerId());
        String buyer = event.buyer().kind() == BuyerKind.PARTICIPANT ? event.buyer().participantId().value() : null;
        String kind = event.listingKind().name();
        statements().add("""
                        INSERT INTO read_model.account_sale (merchant_id, sale_id, seller_id, buyer_id, listing_kind, currency)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.merchantId().value(), event.saleId().value(), seller, buyer, kind, event.amount().currency());
        salesInBatch().put(new SaleKey(event.merchantId().value(), event.saleId().value()), new SaleParties(seller, buyer));
        var entries = new Entries(event, message, event.saleId().value());
        entries.add(seller, buyer == null ? EntryKind.RETAIL_SALE : EntryKind.INTERNAL_SALE, event.amount(), buyer, kind);
        if (buyer != null) {
            entries.add(buyer, EntryKind.PURCHASE, event.amount(), seller, kind);
        }
    }

    @EventHandler
    void on(DistributorEnrolled event, EventMessage<?> message) {
        if (event.joiningFeePaid() == null) {
            return;
        }
        String recruit = event.distributorId().value();
        var entries = new Entries(event, message, recruit);
        entries.add(recruit, EntryKind.JOINING_FEE_PAID, event.joiningFeePaid(), MERCHANT, null);
        entries.add(MERCHANT, EntryKind.JOINING_FEE_RECEIVED, event.joiningFeePaid(), recruit, null);
    }

    @EventHandler
    void on(CommissionAccrued event, EventMessage<?> message) {
        String beneficiary = event.beneficiaryId().value();
        var entries = new Entries(event, message, event.commissionId().value());
        entries.add(beneficiary, EntryKind.commission(event.basis()), event.amount(), MERCHANT, null);
        entries.add(MERCHANT, EntryKind.COMMISSION_PAID, event.amount(), beneficiary, null);
    }

    @EventHandler
    void on(CommissionReversed event, EventMessage<?> message) {
        String beneficiary = event.beneficiaryId().value();
        var entries = new Entries(event, message, event.commissionId().value());
        entries.add(beneficiary, EntryKind.REVERSAL, event.amount(), MERCHANT, null);
        entries.add(MERCHANT, EntryKind.REVERSAL_RECOVERED, event.amount(), beneficiary, null);
    }

    /** The seller pays the refund back; a participant buyer receives it. */
    @EventHandler
    void on(RefundIssued event, EventMessage<?> message) {
        SaleParties sale = saleParties(event.merchantId().value(), event.saleId().value());
        var entries = new Entries(event, message, event.refundId().value());
        entries.add(sale.seller(), EntryKind.REFUND_PAID, event.amount(), sale.buyer(), null);
        if (sale.buyer() != null) {
            entries.add(sale.buyer(), EntryKind.REFUND_RECEIVED, event.amount(), sale.seller(), null);
        }
    }

    @Override
    public String processor() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("account_sale", "account_entry", "account_day", "network_account_day");
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    /**
     * A refund follows its sale in the sale's own stream, so the sale is either earlier in this
     * batch or already stored. If it is neither, the history is inconsistent: refuse the event
     * (it goes to the dead-letter queue) rather than book a refund to nobody.
     */
    private SaleParties saleParties(String merchantId, String saleId) {
        SaleParties inBatch = salesInBatch().get(new SaleKey(merchantId, saleId));
        if (inBatch != null) {
            return inBatch;
        }
        return jdbc.query("SELECT seller_id, buyer_id FROM read_model.account_sale WHERE merchant_id = ? AND sale_id = ?",
                        (row, i) -> new SaleParties(row.getString(1), row.getString(2)), merchantId, saleId)
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "refund of sale " + saleId + " at merchant " + merchantId + ", which the accounts do not hold"));
    }

    private SqlBatch statements() {
        return SqlBatch.current(NAME, jdbc);
    }

    private List<Entry> entriesInBatch() {
        return BatchBuffer.current(NAME + ".entries", ArrayList::new, this::book);
    }

    private void book(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String[] types = {"varchar", "int4", "varchar", "varchar", "varchar", "varchar", "int8", "text", "text",
                "varchar", "text", "varchar"};
        jdbc.update(BOOK, statement -> ColumnArrays.bind(statement, types, entries.stream().map(Entry::values).toList()));
    }

    private Map<SaleKey, SaleParties> salesInBatch() {
        return BatchBuffer.current(NAME + ".sales", HashMap::new, sales -> {
        });
    }

    private static String party(DistributorId distributor) {
        return distributor == null ? MERCHANT : distributor.value();
    }

    /** The entries of one event, numbered by line. */
    private final class Entries {

        private final LedgerEvent event;
        private final String eventId;
        private final String sourceId;
        private final String day;
        private int line;

        Entries(LedgerEvent event, EventMessage<?> message, String sourceId) {
            this.event = event;
            this.eventId = message.getIdentifier();
            this.sourceId = sourceId;
            this.day = calendar.dayOf(event.occurredAt()).toString();
        }

        void add(String party, EntryKind kind, Money amount, String counterparty, String listingKind) {
            entriesInBatch().add(new Entry(eventId, ++line, event.merchantId().value(), party, kind.name(),
                    amount.currency(), amount.minorUnits(), event.occurredAt().toString(), day, counterparty, sourceId,
                    listingKind));
        }
    }

    /** One account entry, in the column order of {@link #BOOK}. */
    private record Entry(String eventId, int line, String merchantId, String partyId, String kind, String currency,
                         long amount, String occurredAt, String day, String counterparty, String sourceId,
                         String listingKind) {

        Object[] values() {
            return new Object[]{eventId, line, merchantId, partyId, kind, currency, amount, occurredAt, day,
                    counterparty, sourceId, listingKind};
        }
    }
}
