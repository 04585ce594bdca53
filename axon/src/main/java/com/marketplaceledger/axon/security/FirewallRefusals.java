package com.marketplaceledger.axon.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;

/**
 * The firewall checks a header or parameter only when it is read, and Spring MVC reads some (the
 * Content-Type of a body, say) where each service's catch-all exception handler would make the
 * refusal an internal error: here it is answered as the firewall's other refusals are. First, so
 * that it comes before those catch-alls.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirewallRefusals {

    @ExceptionHandler(RequestRejectedException.class)
    void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        SecurityProblems.rejected(request, response, rejected);
    }
}
