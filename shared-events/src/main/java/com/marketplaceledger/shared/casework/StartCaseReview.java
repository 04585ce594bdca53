package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Starts the review of an open case. */
public record StartCaseReview(
        @NotNull CaseId caseId,
        @NotBlank @Size(max = 200) String by,
        @NotNull Instant occurredAt) implements CaseCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return caseId == null ? null : StreamIds.caseFile(caseId.value());
    }
}
