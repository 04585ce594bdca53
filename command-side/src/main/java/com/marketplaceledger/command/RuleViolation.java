package com.marketplaceledger.command;

/**
 * A command refused by a ledger invariant. {@code rule} is a stable, machine-readable name that
 * the problem response carries; {@code field} names the offending input where there is one.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, UNPROCESSABLE, FORBIDDEN }

    private final Kind kind;
    private final String rule;
    private final String field;

    private RuleViolation(Kind kind, String rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
    }

    public static RuleViolation notFound(String rule, String field, String message) {
        return new RuleViolation(Kind.NOT_FOUND, rule, field, message);
    }

    public static RuleViolation conflict(String rule, String field, String message) {
        return new RuleViolation(Kind.CONFLICT, rule, field, message);
    }

    public static RuleViolation forbidden(String rule, String field, String message) {
        return new RuleViolation(Kind.FORBIDDEN, rule, field, message);
    }

    public static RuleViolation unprocessable(String rule, String field, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, rule, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
