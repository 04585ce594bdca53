package com.marketplaceledger.axon.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, in the ledger's problem form instead of Tomcat's HTML page, for what
 * Tomcat answers itself: a request its HTTP parser or URI checks refuse before any of the ledger's
 * code runs (a NUL, an encoded slash or backslash, a character RFC 3986 does not allow, malformed
 * percent-encoding or UTF-8, a request line or headers too long, a bad Host header or version),
 * and an error no Spring handler answered (a path Tomcat keeps to itself, an exception escaping a
 * filter). Details are fixed sentences: Tomcat's own messages quote the refused input.
 * Public: Tomcat creates it by its class name ({@link LedgerWebAutoConfiguration}).
 */
public class ContainerProblems extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // as Tomcat's own report: only an error nothing has answered yet, on a connection still open
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        Map<String, Object> problem = problem(response.getStatus(), request.getContext() != null);
        try {
            response.setStatus((Integer) problem.get("status"));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(LedgerProblem.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone: there is no one to answer
        }
    }

    /** @param reachedTheLedger whether Tomcat had passed the request to the application */
    private static Map<String, Object> problem(int tomcatStatus, boolean reachedTheLedger) {
        // Tomcat's 501 (CONNECT, an unknown transfer coding) and 505 refuse what a client sent; they
        // are no failure of the server, and hostile traffic must never read as one.
        int status = !reachedTheLedger && (tomcatStatus == 501 || tomcatStatus == 505) ? 400 : tomcatStatus;
        HttpStatus known = HttpStatus.resolve(tomcatStatus);
        String reason = known == null ? "HTTP " + tomcatStatus : known.getReasonPhrase();
        String rule = switch (tomcatStatus) {
            case 400 -> "malformed-request";
            case 500 -> "internal-error";
            default -> known == null ? "http-" + tomcatStatus : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
        String detail = switch (tomcatStatus) {
            case 400 -> "the request is not valid HTTP/1.1: its path must be percent-encoded UTF-8 with no NUL, no"
                    + " encoded '/' or '\\' and only characters RFC 3986 allows, and its request line and headers must"
                    + " be well-formed and not too long";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 500 -> "the ledger could not answer this request";
            case 501 -> "the server does not implement this request's method or transfer coding";
            case 505 -> "the server speaks HTTP/1.1 and HTTP/1.0 only";
            default -> reason.toLowerCase(Locale.ROOT);
        };
        HttpStatus answered = HttpStatus.resolve(status);
        return LedgerProblem.of(status, answered == null ? reason : answered.getReasonPhrase(), rule, detail);
    }
}
