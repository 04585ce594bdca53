package com.marketplaceledger.shared.detection;

import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Raises an alert: records {@code alert} as the first and only event of the alert's stream. The
 * alert is built whole by the detection engine, in one place, so this command carries it as it
 * will be stored.
 */
public record RaiseAlert(@NotNull AlertRaised alert) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StreamIds.alert(alert.merchantId(), alert.alertId().value());
    }
}
