package com.marketplaceledger.axon.security;

import com.marketplaceledger.axon.web.LedgerProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Refused requests as RFC 9457 problems in the ledger's form (a {@code rule} and its URN type):
 * 401 for a missing or invalid token, with the {@code WWW-Authenticate} challenge of RFC 6750;
 * 403 for a role that may not do this; and, for a merchant token reaching for another merchant,
 * the service's own "no such merchant" answer, so that a token cannot probe which merchants exist.
 */
public final class SecurityProblems {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final Function<String, Map<String, Object>> unknownMerchant;

    /** @param unknownMerchant the service's problem members for a merchant id it does not know */
    public SecurityProblems(Function<String, Map<String, Object>> unknownMerchant) {
        this.unknownMerchant = unknownMerchant;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        challenge.commence(request, response, failure); // status and WWW-Authenticate
        boolean invalid = failure instanceof OAuth2AuthenticationException;
        String detail = invalid
                ? "the bearer token was refused: " + ((OAuth2AuthenticationException) failure).getError().getDescription()
                : "this endpoint needs a bearer token (Authorization: Bearer <JWT>)";
        write(request, response, LedgerProblem.of(401, "Unauthorized", invalid ? "invalid-token" : "unauthenticated", detail));
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Object otherMerchant = request.getAttribute(LedgerAccess.OTHER_MERCHANT);
        if (otherMerchant != null) {
            write(request, response, new LinkedHashMap<>(unknownMerchant.apply(otherMerchant.toString())));
            return;
        }
        String roles = Caller.current().map(Caller::rolesText).filter(text -> !text.isEmpty()).orElse("none");
        write(request, response, LedgerProblem.of(403, "Forbidden", "forbidden",
                "the token's roles (" + roles + ") do not allow " + request.getMethod() + " " + request.getRequestURI()));
    }

    /** A request the firewall refuses before any rule is applied (a path with "/../", say). */
    static void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(request, response, LedgerProblem.of(400, "Bad Request", "rejected-request",
                "the request's path or headers are not accepted: " + rejected.getMessage()));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Map<String, Object> problem)
            throws IOException {
        problem.putIfAbsent("instance", request.getRequestURI());
        response.setStatus((Integer) problem.get("status"));
        response.setContentType("application/problem+json");
        response.getOutputStream().write(LedgerProblem.json(problem).getBytes(StandardCharsets.US_ASCII));
    }
}
