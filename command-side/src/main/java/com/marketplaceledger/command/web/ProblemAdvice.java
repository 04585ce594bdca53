package com.marketplaceledger.command.web;

import com.marketplaceledger.shared.InvalidValue;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the merchant API is an application/problem+json body. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private final Problems problems;

    ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> refused(Exception failure) {
        ProblemDetail problem = problems.of(failure);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** An id in the path that is not a valid identifier. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        InvalidValue invalid = Problems.causeOf(ex, InvalidValue.class);
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-value", ex.getPropertyName(),
                (ex.getPropertyName() == null ? "" : ex.getPropertyName() + ": ")
                        + (invalid != null ? invalid.getMessage() : "not a valid value"));
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    /** Spring's own errors (unsupported media type, wrong method, no such path) get a rule too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("rule"))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            Problems.withRule(problem, status == null ? "http-" + statusCode.value()
                    : status.name().toLowerCase().replace('_', '-'));
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getCause() == null ? null : problems.of(ex.getCause());
        if (problem == null || problem.getStatus() >= 500) {
            problem = Problems.problem(HttpStatus.BAD_REQUEST, "malformed-json", null,
                    "the request body is missing or is not valid JSON");
        }
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
