package com.marketplaceledger.axon.readmodel;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calendar of point-in-time views and pay periods: a business date (an {@code asOf}, a day of
 * growth, a calendar month of accounts and of the monthly rules) is a day in the zone of the
 * merchant's jurisdiction ({@code ledger.jurisdictions.<code>.zone}, else {@code ledger.query.zone}).
 * Read models store days in it, so changing a zone takes a rebuild.
 *
 * <p>The jurisdiction is read from the merchant's registration in the event store, not from
 * {@code read_model.merchant}: processors are segmented by stream, so a merchant's sale may be
 * handled in another segment, or by another processor, before the genealogy has stored the
 * registration (or while a rebuild of the genealogy alone replays it). The command side records
 * nothing of a merchant before its registration is committed, so the store holds it whenever any
 * of the merchant's events is handled: every replay, segment and rebuild counts the same days.
 */
@Component
@EnableConfigurationProperties(JurisdictionZones.class)
public class BusinessCalendar {

    /** On first use: Axon's configuration needs the projections, which need this calendar. */
    private final ObjectProvider<EventStorageEngine> storage;
    private final JurisdictionZones jurisdictions;
    private final ZoneId defaultZone;
    /** A registration never changes, and merchants are few: each is read from the store once. */
    private final Map<String, ZoneId> merchantZones = new ConcurrentHashMap<>();

    BusinessCalendar(ObjectProvider<EventStorageEngine> storage, JurisdictionZones jurisdictions,
                     @Value("${ledger.query.zone:Asia/Shanghai}") ZoneId defaultZone) {
        this.storage = storage;
        this.jurisdictions = jurisdictions;
        this.defaultZone = defaultZone;
    }

    /** The day the event happened on, in its merchant's zone. */
    public LocalDate dayOf(LedgerEvent event) {
        return dayOf(event.merchantId().value(), event.occurredAt());
    }

    public LocalDate dayOf(String merchantId, Instant instant) {
        return LocalDate.ofInstant(instant, zoneOf(merchantId));
    }

    /**
     * The zone of the merchant's jurisdiction. A merchant the store holds no registration of
     * (which the command side never lets record anything) counts in the default zone, and is not
     * remembered so.
     */
    public ZoneId zoneOf(String merchantId) {
        ZoneId known = merchantZones.get(merchantId);
        if (known != null) {
            return known;
        }
        DomainEventStream stream = storage.getObject().readEvents(StreamIds.merchant(MerchantId.of(merchantId)), 0);
        if (stream.hasNext() && stream.next().getPayload() instanceof MerchantRegistered registered) {
            ZoneId zone = jurisdictions.zoneOf(registered.jurisdiction(), defaultZone);
            merchantZones.put(merchantId, zone);
            return zone;
        }
        return defaultZone;
    }

    /** The zone of what belongs to no merchant (a rule's or an act of oversight's history). */
    public ZoneId defaultZone() {
        return defaultZone;
    }
}
