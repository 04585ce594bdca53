package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.merchant.MerchantId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Opens a case on alerts raised against one merchant; every alert must exist for that merchant. */
public record OpenCase(
        @NotNull MerchantId merchantId,
        @NotNull CaseId caseId,
        @NotEmpty List<@NotNull AlertId> alertIds,
        @NotBlank @Size(max = 200) String openedBy,
        @Size(max = 4000) String summary,
        @NotNull Instant occurredAt) implements CaseCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return caseId == null ? null : StreamIds.caseFile(caseId.value());
    }
}
