package com.marketplaceledger.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.axon.security.Caller;
import com.marketplaceledger.command.web.Problems;
import com.marketplaceledger.shared.LedgerJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The Idempotency-Key header on POST (IETF httpapi draft): a retry with the same key and the same
 * request gets the first answer again and records nothing; the same key with a different request
 * is refused with 422; a retry while the first is still running gets 409. Keys are the caller's own
 * (its token subject): one merchant's key never answers, or collides with, another's request. It runs
 * after Spring Security, so only authorised requests reach it.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    private final IdempotencyKeys keys;

    IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            writeProblem(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "an Idempotency-Key is 1 to 255 visible ASCII characters");
            return;
        }
        String caller = Caller.current().map(Caller::subject).orElse("");
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        if (!keys.claim(caller, key, fingerprint)) {
            answerRetry(response, caller, key, fingerprint);
            return;
        }
        var cachedResponse = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), cachedResponse);
        } catch (IOException | ServletException | RuntimeException failure) {
            keys.release(caller, key);
            throw failure;
        }
        if (cachedResponse.getStatus() >= 500) {
            keys.release(caller, key);
        } else {
            keys.complete(caller, key, cachedResponse.getStatus(), cachedResponse.getContentType(),
                    cachedResponse.getContentAsByteArray());
        }
        cachedResponse.copyBodyToResponse();
    }

    private void answerRetry(HttpServletResponse response, String caller, String key, String fingerprint)
            throws IOException {
        var stored = keys.find(caller, key).orElse(null);
        if (stored == null || stored.status() == null) {
            writeProblem(response, HttpStatus.CONFLICT, "idempotent-request-in-progress",
                    "a request with this Idempotency-Key is still being processed; retry later");
        } else if (!stored.fingerprint().equals(fingerprint)) {
            writeProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "this Idempotency-Key was used for a different request");
        } else {
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(stored.body() == null ? new byte[0] : stored.body());
        }
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void writeProblem(HttpServletResponse response, HttpStatus status, String rule, String detail)
            throws IOException {
        ProblemDetail problem = Problems.problem(status, rule, HEADER, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }

    /** Lets the controller read a body the filter has already read to fingerprint it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
