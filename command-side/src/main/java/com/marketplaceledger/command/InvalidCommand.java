package com.marketplaceledger.command;

import java.util.List;
import java.util.stream.Collectors;

/** A command whose fields break the constraints of the published language. */
public class InvalidCommand extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidCommand(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
