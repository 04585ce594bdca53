package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A regulator opened a case on one merchant, on the alerts it names.
 *
 * @param openedBy   the regulator who opened it (a name or an id)
 * @param summary    why the case was opened, or null
 * @param occurredAt when the regulator opened it
 */
@Revision("1")
public record CaseOpened(
        MerchantId merchantId,
        CaseId caseId,
        List<AlertId> alertIds,
        String openedBy,
        String summary,
        Instant occurredAt) implements LedgerEvent {

    public CaseOpened {
        alertIds = List.copyOf(alertIds);
    }
}
