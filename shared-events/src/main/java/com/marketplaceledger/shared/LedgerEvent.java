package com.marketplaceledger.shared;

import com.marketplaceledger.shared.merchant.MerchantId;

import java.time.Instant;

/**
 * What every ledger event carries. The recording time is not a payload field: it is the
 * timestamp Axon stamps on the event message when the ledger appends it, stored beside the
 * payload in the event table.
 */
public interface LedgerEvent {

    MerchantId merchantId();

    /** When it happened in the merchant's business; may lie in the past for imports. */
    Instant occurredAt();
}
