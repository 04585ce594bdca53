package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A regulator started reviewing an open case. */
@Revision("1")
public record CaseReviewStarted(
        MerchantId merchantId,
        CaseId caseId,
        String by,
        Instant occurredAt) implements LedgerEvent {
}
