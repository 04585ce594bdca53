package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A regulator escalated a case, saying why. */
@Revision("1")
public record CaseEscalated(
        MerchantId merchantId,
        CaseId caseId,
        String by,
        String reason,
        Instant occurredAt) implements LedgerEvent {
}
