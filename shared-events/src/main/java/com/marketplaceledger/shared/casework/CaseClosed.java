package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A regulator closed a case with a finding and the reasons for it. */
@Revision("1")
public record CaseClosed(
        MerchantId merchantId,
        CaseId caseId,
        String by,
        CaseFinding finding,
        String summary,
        Instant occurredAt) implements LedgerEvent {
}
