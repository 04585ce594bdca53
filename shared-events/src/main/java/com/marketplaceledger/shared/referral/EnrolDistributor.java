package com.marketplaceledger.shared.referral;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Enrols a new distributor through a referral. Without a sponsor the distributor is a root,
 * recruited by the merchant itself. {@code joiningFeePaid} is what the recruit actually paid.
 */
public record EnrolDistributor(
        @NotNull MerchantId merchantId,
        @NotNull DistributorId distributorId,
        DistributorId sponsorId,
        @Valid Money joiningFeePaid,
        @NotNull Instant occurredAt) implements MerchantCommand {

    /** Handled outside the aggregate (it needs the directory), so not a routing key. */
    @Override
    public String streamId() {
        return merchantId == null || distributorId == null ? null : StreamIds.distributor(merchantId, distributorId);
    }

    /** Creates the stream: its id identifies the command. */
    @Override
    public Optional<String> retryKey() {
        return Optional.ofNullable(streamId());
    }
}
