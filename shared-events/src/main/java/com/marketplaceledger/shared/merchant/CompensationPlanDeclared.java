package com.marketplaceledger.shared.merchant;

import com.marketplaceledger.shared.LedgerEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A new plan version, in force from {@code occurredAt}; versions count up from 1. */
@Revision("1")
public record CompensationPlanDeclared(
        MerchantId merchantId,
        int planVersion,
        CompensationPlan plan,
        Instant occurredAt) implements LedgerEvent {
}
