package com.marketplaceledger.command.web;

import com.marketplaceledger.command.InvalidCommand;
import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.shared.InvalidValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a refused command or unreadable input into an RFC 9457 problem: a stable {@code rule}
 * name, the {@code field} at fault where there is one, and a sentence a merchant can act on.
 * Anything unforeseen is a 500, logged, with no internals in the answer.
 */
@Component
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    public ProblemDetail of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            ProblemDetail known = known(cause, failure);
            if (known != null) {
                return known;
            }
        }
        // A JSON error last: it often wraps a more telling cause, such as an unsupported currency.
        if (JsonPaths.isJsonError(failure)) {
            String field = JsonPaths.of(failure);
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", field,
                    field == null ? "the body is not valid JSON" : "field '" + field + "' has the wrong type or form");
        }
        log.error("command failed unexpectedly", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null,
                "the ledger could not process this request; nothing was recorded");
    }

    private ProblemDetail known(Throwable cause, Throwable failure) {
        if (cause instanceof InvalidCommand invalid) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-command", null, invalid.getMessage());
            problem.setProperty("errors", invalid.errors());
            return problem;
        }
        if (cause instanceof RuleViolation violation) {
            HttpStatus status = switch (violation.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
            };
            return problem(status, violation.rule(), violation.field(), violation.getMessage());
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            String kind = kindOf(String.valueOf(notFound.getAggregateIdentifier()));
            return problem(HttpStatus.NOT_FOUND, "unknown-" + kind, kind + "Id",
                    "no " + kind + " " + notFound.getAggregateIdentifier());
        }
        if (cause instanceof AggregateStreamCreationException) {
            return problem(HttpStatus.CONFLICT, "already-exists", null,
                    "a resource with this id already exists; ids are never reused");
        }
        if (cause instanceof ConcurrencyException) {
            return problem(HttpStatus.CONFLICT, "concurrent-modification", null,
                    "another command changed the same resource at the same time; retry");
        }
        if (cause instanceof InvalidValue invalid) {
            String field = JsonPaths.of(failure);
            return problem(HttpStatus.BAD_REQUEST, "invalid-value", field,
                    (field == null ? "" : field + ": ") + invalid.getMessage());
        }
        return null;
    }

    public static ProblemDetail problem(HttpStatus status, String rule, String field, String detail) {
        ProblemDetail problem = withRule(ProblemDetail.forStatusAndDetail(status, detail), rule);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /** Names the rule a problem reports, as its type and as a property clients can switch on. */
    static ProblemDetail withRule(ProblemDetail problem, String rule) {
        problem.setType(URI.create("urn:marketplace-ledger:problem:" + rule));
        problem.setProperty("rule", rule);
        return problem;
    }

    static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Stream ids read "kind/merchant/id" (see StreamIds); the kind names what was not found. */
    private static String kindOf(String streamId) {
        int slash = streamId == null ? -1 : streamId.indexOf('/');
        return slash > 0 ? streamId.substring(0, slash) : "resource";
    }

    /** The problem as a plain map, for answers that are not a whole HTTP response (bulk import lines). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        var map = new LinkedHashMap<String, Object>();
        map.put("type", String.valueOf(problem.getType()));
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
