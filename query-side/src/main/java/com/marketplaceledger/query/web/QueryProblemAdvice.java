package com.marketplaceledger.query.web;

import com.marketplaceledger.axon.web.Texts;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.InvalidValue;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;

/**
 * Every error of the query side is an RFC 9457 problem with a stable {@code rule} (also its
 * type) and the {@code field} at fault where there is one, its title and detail in the caller's
 * language (texts {@code problem.<rule>.title} and {@code problem.<rule>.detail...}). Bad
 * parameters are 4xx; only the unforeseen is a 500, logged, with no internals in the answer.
 */
@RestControllerAdvice
class QueryProblemAdvice extends ResponseEntityExceptionHandler {

    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    private static final String INVALID = "invalid-parameter";
    private static final Logger log = LoggerFactory.getLogger(QueryProblemAdvice.class);

    private final Texts texts;

    QueryProblemAdvice(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(QueryRefused.class)
    ResponseEntity<ProblemDetail> refused(QueryRefused refused) {
        String detail = texts.textOrNull(refused.detailKey(), refused.arguments());
        if (detail == null) {
            // a refusal without its text is still the refusal it is, not a failure of the server
            log.error("no text for the problem detail {}", refused.detailKey());
            detail = refused.getMessage();
        }
        ProblemDetail problem = problem(refused.status(), refused.rule(), refused.field(), detail);
        refused.properties().forEach(problem::setProperty);
        var response = ResponseEntity.status(refused.status());
        if (refused.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, refused.retryAfterSeconds().toString());
        }
        return response.body(problem);
    }

    /** The published language words its refusals in English only; the frame around them is the caller's. */
    @ExceptionHandler(InvalidValue.class)
    ResponseEntity<ProblemDetail> invalid(InvalidValue invalid) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, null,
                invalidDetail("invalid-value", Map.of("reason", invalid.getMessage()))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException violation) {
        var first = violation.getConstraintViolations().iterator().next();
        String field = lastNode(first.getPropertyPath().toString());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, field,
                invalidDetail("constraint", Map.of("field", field, "reason", first.getMessage()))));
    }

    /** PostgreSQL takes no NUL character (SQLSTATE 22021): a parameter holding one can match nothing. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException failure) {
        SQLException sql = causeOf(failure, SQLException.class);
        if (sql != null && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, null,
                    invalidDetail("nul", Map.of())));
        }
        return unexpected(failure);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("query failed unexpectedly", failure);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null,
                texts.text("problem.internal-error.detail")));
    }

    /** A parameter that does not parse: a malformed date, a non-numeric page, an invalid id. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName();
        InvalidValue invalid = causeOf(ex, InvalidValue.class);
        String detail = invalid != null
                ? invalidDetail("constraint", Map.of("field", field, "reason", invalid.getMessage()))
                : invalidDetail("type-" + typeName(ex.getRequiredType()), Map.of("field", field,
                "value", String.valueOf(ex.getValue()),
                "type", ex.getRequiredType() == null ? "" : ex.getRequiredType().getSimpleName()));
        return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST, INVALID, field, detail));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST, "missing-parameter",
                ex.getParameterName(), texts.text("problem.missing-parameter.detail", Map.of("field", ex.getParameterName()))));
    }

    /** Bean Validation on parameters (@Min, @Max, ...) as Spring MVC reports it. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        var result = ex.getParameterValidationResults().get(0);
        String field = result.getMethodParameter().getParameterName();
        String reason = result.getResolvableErrors().get(0).getDefaultMessage();
        return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST, INVALID, field,
                invalidDetail("constraint", Map.of("field", field, "reason", String.valueOf(reason)))));
    }

    /** Spring's own errors (no such path, wrong method) get a rule too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("rule"))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            withRule(problem, status == null ? "http-" + statusCode.value() : status.name().toLowerCase().replace('_', '-'));
        }
        return response;
    }

    private ProblemDetail problem(HttpStatus status, String rule, String field, String detail) {
        ProblemDetail problem = withRule(ProblemDetail.forStatusAndDetail(status, detail), rule);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /** The rule in the problem's type and members, and its title in the caller's language where the bundles have one. */
    private ProblemDetail withRule(ProblemDetail problem, String rule) {
        problem.setType(URI.create("urn:marketplace-ledger:problem:" + rule));
        problem.setProperty("rule", rule);
        String title = texts.textOrNull("problem." + rule + ".title");
        if (title != null) {
            problem.setTitle(title);
        }
        return problem;
    }

    private String invalidDetail(String why, Map<String, ?> arguments) {
        return texts.text("problem." + INVALID + ".detail." + why, arguments);
    }

    /** Which detail says what the value is not: {@code type-date}, {@code type-whole-number}, {@code type-other} (naming the type), ... */
    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date";
            case "Instant", "OffsetDateTime" -> "instant";
            case "int", "Integer", "long", "Long" -> "whole-number";
            default -> "other";
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
