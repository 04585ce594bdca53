package com.marketplaceledger.command;

import com.marketplaceledger.shared.StorableText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Validates every command's shape (the Bean Validation constraints declared on the published
 * commands) before it is dispatched, for REST and bulk import alike, and that its text can be stored.
 */
@Component
class CommandValidation implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String NUL = "must not contain the NUL character (U+0000)";

    private final Validator validator;

    CommandValidation(Validator validator) {
        this.validator = validator;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            Set<ConstraintViolation<Object>> violations = validator.validate(message.getPayload());
            List<InvalidCommand.FieldError> errors = new ArrayList<>(violations.stream()
                    .map(v -> new InvalidCommand.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .toList());
            StorableText.fieldsWithNul(message.getPayload())
                    .forEach(field -> errors.add(new InvalidCommand.FieldError(field, NUL)));
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparing(InvalidCommand.FieldError::field));
                throw new InvalidCommand(errors);
            }
            return message;
        };
    }
}
