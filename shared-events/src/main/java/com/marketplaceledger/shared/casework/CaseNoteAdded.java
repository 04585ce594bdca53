package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A regulator added a note to a case.
 *
 * @param noteNumber the note's place among the case's notes, from 1, so a note can be cited
 */
@Revision("1")
public record CaseNoteAdded(
        MerchantId merchantId,
        CaseId caseId,
        int noteNumber,
        String author,
        String text,
        Instant occurredAt) implements LedgerEvent {
}
