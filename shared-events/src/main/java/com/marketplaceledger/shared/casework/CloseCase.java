package com.marketplaceledger.shared.casework;

import com.marketplaceledger.shared.StreamIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Closes a case with the regulator's finding and why; a closed case takes no further action. */
public record CloseCase(
        @NotNull CaseId caseId,
        @NotBlank @Size(max = 200) String by,
        @NotNull CaseFinding finding,
        @NotBlank @Size(max = 4000) String summary,
        @NotNull Instant occurredAt) implements CaseCommand {

    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return caseId == null ? null : StreamIds.caseFile(caseId.value());
    }
}
