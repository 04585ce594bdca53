package com.marketplaceledger.query.web;

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

/**
 * Every error of the query side is an RFC 9457 problem with a stable {@code rule} (also its
 * type) and the {@code field} at fault where there is one. Bad parameters are 4xx; only the
 * unforeseen is a 500, logged, with no internals in the answer.
 */
@RestControllerAdvice
class QueryProblemAdvice extends ResponseEntityExceptionHandler {

    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    private static final Logger log = LoggerFactory.getLogger(QueryProblemAdvice.class);

    @ExceptionHandler(QueryRefused.class)
    ResponseEntity<ProblemDetail> refused(QueryRefused refused) {
        ProblemDetail problem = problem(refused.status(), refused.rule(), refused.field(), refused.getMessage());
        refused.properties().forEach(problem::setProperty);
        var response = ResponseEntity.status(refused.status());
        if (refused.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, refused.retryAfterSeconds().toString());
        }
        return response.body(problem);
    }

    @ExceptionHandler(InvalidValue.class)
    ResponseEntity<ProblemDetail> invalid(InvalidValue invalid) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-parameter", null, invalid.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException violation) {
        var first = violation.getConstraintViolations().iterator().next();
        String field = lastNode(first.getPropertyPath().toString());
        return ResponseEntity.badRequest().body(
                problem(HttpStatus.BAD_REQUEST, "invalid-parameter", field, field + ": " + first.getMessage()));
    }

    /** PostgreSQL takes no NUL character (SQLSTATE 22021): a parameter holding one can match nothing. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException failure) {
        SQLException sql = causeOf(failure, SQLException.class);
        if (sql != null && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-parameter", null,
                    "a parameter contains the NUL character (U+0000), which nothing in the ledger can hold"));
        }
        return unexpected(failure);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("query failed unexpectedly", failure);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null,
                "the query side could not answer this request"));
    }

    /** A parameter that does not parse: a malformed date, a non-numeric page, an invalid id. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName();
        InvalidValue invalid = causeOf(ex, InvalidValue.class);
        String reason = invalid != null ? invalid.getMessage()
                : "'" + ex.getValue() + "' is not a valid " + typeName(ex.getRequiredType());
        return ResponseEntity.badRequest().headers(headers)
                .body(problem(HttpStatus.BAD_REQUEST, "invalid-parameter", field, field + ": " + reason));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST, "missing-parameter",
                ex.getParameterName(), "parameter '" + ex.getParameterName() + "' is required"));
    }

    /** Bean Validation on parameters (@Min, @Max, ...) as Spring MVC reports it. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        var result = ex.getParameterValidationResults().get(0);
        String field = result.getMethodParameter().getParameterName();
        String reason = result.getResolvableErrors().get(0).getDefaultMessage();
        return ResponseEntity.badRequest().headers(headers)
                .body(problem(HttpStatus.BAD_REQUEST, "invalid-parameter", field, field + ": " + reason));
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

    static ProblemDetail problem(HttpStatus status, String rule, String field, String detail) {
        ProblemDetail problem = withRule(ProblemDetail.forStatusAndDetail(status, detail), rule);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private static ProblemDetail withRule(ProblemDetail problem, String rule) {
        problem.setType(URI.create("urn:marketplace-ledger:problem:" + rule));
        problem.setProperty("rule", rule);
        return problem;
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "instant (ISO 8601, e.g. 2026-01-31T00:00:00Z)";
            case "int", "Integer", "long", "Long" -> "whole number";
            default -> type.getSimpleName();
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
