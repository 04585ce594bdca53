package com.marketplaceledger.supervision.casework;

import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.shared.StorableText;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.casework.CaseCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Map;

/**
 * Sends a regulator's action on a case and answers with the global position of the event it
 * appended, so that the regulator can read the case back with {@code minPosition}. A command is
 * validated (the constraints of the published commands) before it is sent; Axon's refusals are
 * answered as problems.
 */
@Component
class CaseCommands {

    /** The request fields that the commands' properties come from, where their names differ. */
    private static final Map<String, String> REQUEST_FIELDS = Map.of("openedBy", "by", "author", "by");

    private final CommandGateway gateway;
    private final EventPositions positions;
    private final Validator validator;

    CaseCommands(CommandGateway gateway, EventPositions positions, Validator validator) {
        this.gateway = gateway;
        this.positions = positions;
        this.validator = validator;
    }

    /** What a regulator gets back for an action that was recorded. */
    record Recorded(String caseId, long position) {
    }

    Recorded send(CaseCommand command) {
        validate(command);
        try {
            gateway.sendAndWait(command);
        } catch (RuntimeException failure) {
            throw refusal(command, failure);
        }
        String caseId = command.caseId().value();
        return new Recorded(caseId, positions.lastPositionOf(command.streamId())
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " recorded nothing")));
    }

    private void validate(CaseCommand command) {
        validator.validate(command).stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    String field = requestField(violation);
                    throw QueryRefused.badParameter(field, "constraint", Map.of("reason", violation.getMessage()));
                });
        StorableText.fieldsWithNul(command).stream().findFirst().ifPresent(field -> {
            throw QueryRefused.badParameter(REQUEST_FIELDS.getOrDefault(field, field), "nul-in-field", Map.of());
        });
    }

    private static String requestField(ConstraintViolation<?> violation) {
        Path.Node first = violation.getPropertyPath().iterator().next();
        return REQUEST_FIELDS.getOrDefault(first.getName(), first.getName());
    }

    private static RuntimeException refusal(CaseCommand command, RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryRefused refused) {
                return refused;
            }
            if (cause instanceof AggregateNotFoundException) {
                return QueryRefused.notFound("case", command.caseId().value());
            }
            if (cause instanceof AggregateStreamCreationException) {
                return new QueryRefused(HttpStatus.CONFLICT, "case-exists", "caseId", null,
                        Map.of("caseId", command.caseId()));
            }
            if (cause instanceof ConcurrencyException) {
                // another instance of the query side acted on the same case at the same moment
                return new QueryRefused(HttpStatus.CONFLICT, "concurrent-modification", "caseId", null,
                        Map.of("caseId", command.caseId()))
                        .retryAfter(1);
            }
        }
        return failure;
    }
}
