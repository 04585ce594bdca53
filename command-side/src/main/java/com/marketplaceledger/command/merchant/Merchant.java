package com.marketplaceledger.command.merchant;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.merchant.RegisterMerchant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A merchant and the versions of its compensation plan. */
@Aggregate
class Merchant {

    @AggregateIdentifier
    private String streamId;
    private int planVersion;
    private Instant lastPlanInForceFrom;

    Merchant() {
    }

    @CommandHandler
    Merchant(RegisterMerchant command) {
        apply(new MerchantRegistered(command.merchantId(), command.name(), command.licenceNumber(),
                command.jurisdiction(), command.occurredAt()));
    }

    @CommandHandler
    void handle(DeclareCompensationPlan command) {
        PlanPolicy.check(command.plan());
        if (lastPlanInForceFrom != null && command.occurredAt().isBefore(lastPlanInForceFrom)) {
            throw RuleViolation.unprocessable("plan-out-of-order", "occurredAt",
                    "plan version " + (planVersion + 1) + " cannot come into force before version "
                            + planVersion + " (" + lastPlanInForceFrom + ")");
        }
        apply(new CompensationPlanDeclared(command.merchantId(), planVersion + 1, command.plan(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(MerchantRegistered event) {
        streamId = StreamIds.merchant(event.merchantId());
    }

    @EventSourcingHandler
    void on(CompensationPlanDeclared event) {
        planVersion = event.planVersion();
        lastPlanInForceFrom = event.occurredAt();
    }
}
