package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Escalates a case that is open or under review, once. */
public record EscalateCase(
        @NotNull CaseId caseId,
        @NotBlank @Size(max = 200) String by,
        @NotBlank @Size(max = 4000) String reason,
        @NotNull Instant occurredAt) implements CaseCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return caseId == null ? null : StreamIds.caseFile(caseId.value());
    }
}
