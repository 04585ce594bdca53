package com.marketplaceledger.command;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Validates every command's shape (the Bean Validation constraints declared on the published
 * commands) before it is dispatched, for REST and bulk import alike.
 */
@Component
class CommandValidation implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Validator validator;

    CommandValidation(Validator validator) {
        this.validator = validator;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            Set<ConstraintViolation<Object>> violations = validator.validate(message.getPayload());
            if (!violations.isEmpty()) {
                throw new InvalidCommand(violations.stream()
                        .map(v -> new InvalidCommand.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                        .sorted(Comparator.comparing(InvalidCommand.FieldError::field))
                        .toList());
            }
            return message;
        };
    }
}
