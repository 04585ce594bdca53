package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Adds a note to a case that is not closed. */
public record AddCaseNote(
        @NotNull CaseId caseId,
        @NotBlank @Size(max = 200) String author,
        @NotBlank @Size(max = 4000) String text,
        @NotNull Instant occurredAt) implements CaseCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return caseId == null ? null : StreamIds.caseFile(caseId.value());
    }
}
