package com.marketplaceledger.axon.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests a fuzzer sends, each with the answer both services give it: refused by Tomcat's HTTP
 * parser or its URI checks, by Spring Security's firewall, by Tomcat inside the application, or
 * let through to the access rules (which refuse them for want of a token). None carries a token
 * but the one of the service's that must reach Spring MVC.
 */
public final class HostileRequests {

    /** One request, as raw text, and the status and rule of the problem it must get. */
    public record Hostile(String name, String request, int status, String rule) {
    }

    static final String MALFORMED = "malformed-request";
    static final String FIREWALL = "rejected-request";
    static final String NO_TOKEN = "unauthenticated";

    private HostileRequests() {
    }

    /** @param reachingSpringMvc a request of the service's own, of a Content-Type the firewall refuses */
    public static List<Hostile> catalogue(String reachingSpringMvc) {
        var all = new ArrayList<Hostile>();
        // the URI checks of Tomcat's CoyoteAdapter
        all.add(new Hostile("NUL byte, encoded", get("/merchants/%00"), 400, MALFORMED));
        all.add(new Hostile("NUL byte, encoded, inside a segment", get("/merchants/a%00b"), 400, MALFORMED));
        all.add(new Hostile("encoded slash", get("/merchants/a%2Fb"), 400, MALFORMED));
        all.add(new Hostile("encoded slash, lower case", get("/merchants/%2f"), 400, MALFORMED));
        all.add(new Hostile("encoded backslash", get("/merchants/a%5Cb"), 400, MALFORMED));
        all.add(new Hostile("malformed percent-encoding", get("/merchants/%zz"), 400, MALFORMED));
        all.add(new Hostile("percent sign at the end", get("/merchants/a%"), 400, MALFORMED));
        all.add(new Hostile("percent sign and one digit", get("/merchants/a%4"), 400, MALFORMED));
        all.add(new Hostile("overlong UTF-8 of '/'", get("/merchants/%C0%AF"), 400, MALFORMED));
        all.add(new Hostile("byte that is never UTF-8", get("/merchants/%FF"), 400, MALFORMED));
        all.add(new Hostile("UTF-8 of a surrogate", get("/merchants/%ED%A0%80"), 400, MALFORMED));
        all.add(new Hostile("target without a leading slash", get("merchants"), 400, MALFORMED));
        all.add(new Hostile("absolute target of another scheme", get("ftp://localhost/merchants"), 400, MALFORMED));
        // Tomcat's HTTP parser: the request line
        all.add(new Hostile("NUL byte, raw", get("/merchants/a\0b"), 400, MALFORMED));
        all.add(new Hostile("backslash, raw", get("/merchants/a\\b"), 400, MALFORMED));
        for (char invalid : "|{}\"<>^`\u007f\u00ff\u0001".toCharArray()) {
            all.add(new Hostile("character 0x%02x in the path".formatted((int) invalid),
                    get("/merchants/a" + invalid + "b"), 400, MALFORMED));
        }
        all.add(new Hostile("'|' in the query", get("/merchants?x=|"), 400, MALFORMED));
        all.add(new Hostile("space in the target", get("/merchants/a b"), 400, MALFORMED));
        all.add(new Hostile("tab in the target", get("/merchants/a\tb"), 400, MALFORMED));
        all.add(new Hostile("request line of 10 KB", get("/merchants/" + "a".repeat(10_000)), 400, MALFORMED));
        all.add(new Hostile("request line of 70 KB", get("/merchants/" + "a".repeat(70_000)), 400, MALFORMED));
        all.add(new Hostile("method that is not a token", request("G(T /merchants HTTP/1.1", ""), 400, MALFORMED));
        all.add(new Hostile("no request line", "GARBAGE\r\n\r\n", 400, MALFORMED));
        all.add(new Hostile("version in lower case", request("GET /merchants http/1.1", ""), 400, MALFORMED));
        all.add(new Hostile("version with a trailing letter", request("GET /merchants HTTP/1.1x", ""), 400, MALFORMED));
        all.add(new Hostile("version that is no version", request("GET /merchants FOO", ""), 400, MALFORMED));
        all.add(new Hostile("HTTP/1.2", request("GET /merchants HTTP/1.2", ""), 400, "http-version-not-supported"));
        all.add(new Hostile("HTTP/2.0 without upgrade", request("GET /merchants HTTP/2.0", ""), 400,
                "http-version-not-supported"));
        all.add(new Hostile("HTTP/3", request("GET /merchants HTTP/3", ""), 400, "http-version-not-supported"));
        all.add(new Hostile("CONNECT", request("CONNECT localhost:80 HTTP/1.1", ""), 400, "not-implemented"));
        // Tomcat's HTTP parser: the headers
        all.add(new Hostile("header of 10 KB", get("/merchants", "X-Big: " + "a".repeat(10_000) + "\r\n"), 400, MALFORMED));
        all.add(new Hostile("headers of 20 KB", get("/merchants", ("X-Big: " + "a".repeat(1000) + "\r\n").repeat(20)),
                400, MALFORMED));
        all.add(new Hostile("150 headers", get("/merchants", "X-Many: a\r\n".repeat(150)), 400, MALFORMED));
        all.add(new Hostile("header name that is not a token", get("/merchants", "(request): x\r\n"), 400, MALFORMED));
        all.add(new Hostile("control character in a header value", get("/merchants", "X-A: a\u0001b\r\n"), 400, MALFORMED));
        all.add(new Hostile("no Host", "GET /merchants HTTP/1.1\r\nConnection: close\r\n\r\n", 400, MALFORMED));
        all.add(new Hostile("two Hosts", "GET /merchants HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
                400, MALFORMED));
        all.add(new Hostile("Host with a space", "GET /merchants HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n\r\n",
                400, MALFORMED));
        all.add(new Hostile("Host with two ports", "GET /merchants HTTP/1.1\r\nHost: a:b:c\r\nConnection: close\r\n\r\n",
                400, MALFORMED));
        all.add(new Hostile("Host of an unclosed IPv6 address",
                "GET /merchants HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n", 400, MALFORMED));
        all.add(new Hostile("Host other than the absolute target's",
                "GET http://a/merchants HTTP/1.1\r\nHost: b\r\nConnection: close\r\n\r\n", 400, MALFORMED));
        all.add(new Hostile("Content-Length that is no number",
                request("POST /merchants HTTP/1.1", "Content-Length: abc\r\n"), 400, MALFORMED));
        all.add(new Hostile("two Content-Lengths",
                request("POST /merchants HTTP/1.1", "Content-Length: 1\r\nContent-Length: 2\r\n"), 400, MALFORMED));
        all.add(new Hostile("unknown Transfer-Encoding",
                request("POST /merchants HTTP/1.1", "Transfer-Encoding: foo\r\n"), 400, "not-implemented"));
        // Spring Security's firewall
        all.add(new Hostile("'//' at the start", get("//merchants"), 400, FIREWALL));
        all.add(new Hostile("'//' inside", get("/merchants//M-1"), 400, FIREWALL));
        all.add(new Hostile(";jsessionid", get("/merchants/M-1;jsessionid=abc"), 400, FIREWALL));
        all.add(new Hostile("';' path parameter", get("/merchants;x/M-1"), 400, FIREWALL));
        all.add(new Hostile("'/./'", get("/merchants/./M-1"), 400, FIREWALL));
        all.add(new Hostile("'/../'", get("/merchants/../merchants/M-1"), 400, FIREWALL));
        all.add(new Hostile("encoded '..'", get("/merchants/%2e%2e/x"), 400, FIREWALL));
        all.add(new Hostile("encoded '.'", get("/merchants/%2E"), 400, FIREWALL));
        all.add(new Hostile("encoded '%'", get("/merchants/%25"), 400, FIREWALL));
        all.add(new Hostile("encoded ';'", get("/merchants/a%3Bb"), 400, FIREWALL));
        all.add(new Hostile("encoded line feed", get("/merchants/a%0Ab"), 400, FIREWALL));
        all.add(new Hostile("encoded carriage return", get("/merchants/a%0Db"), 400, FIREWALL));
        all.add(new Hostile("C1 control character in the Authorization header",
                get("/merchants", "Authorization: Bearer a\u0085b\r\n"), 400, FIREWALL));
        all.add(new Hostile("C1 control character in the Content-Type", reachingSpringMvc, 400, FIREWALL));
        // Tomcat, inside the application
        all.add(new Hostile("TRACE", request("TRACE /merchants HTTP/1.1", ""), 405, "method-not-allowed"));
        all.add(new Hostile("WEB-INF", get("/WEB-INF/web.xml"), 404, "not-found"));
        all.add(new Hostile("META-INF", get("/META-INF/MANIFEST.MF"), 404, "not-found"));
        // accepted by Tomcat and the firewall, refused by the access rules
        all.add(new Hostile("encoded tab", get("/merchants/a%09b"), 401, NO_TOKEN));
        all.add(new Hostile("encoded DEL", get("/merchants/a%7Fb"), 401, NO_TOKEN));
        all.add(new Hostile("malformed percent-encoding in the query", get("/merchants?x=%zz"), 401, NO_TOKEN));
        all.add(new Hostile("NUL byte in the query", get("/merchants?x=%00"), 401, NO_TOKEN));
        all.add(new Hostile("invalid UTF-8 in the query", get("/merchants?x=%C0%AF"), 401, NO_TOKEN));
        all.add(new Hostile("control character in a parameter name", get("/merchants?%01=x"), 401, NO_TOKEN));
        all.add(new Hostile("Latin-1 in a header value", get("/merchants", "X-A: a\u00e9b\r\n"), 401, NO_TOKEN));
        all.add(new Hostile("C1 control character in a header nothing reads", get("/merchants", "X-A: a\u0085b\r\n"),
                401, NO_TOKEN));
        all.add(new Hostile("folded header", get("/merchants", "X-A: a\r\n b\r\n"), 401, NO_TOKEN));
        all.add(new Hostile("unterminated cookie", get("/merchants", "Cookie: JSESSIONID=\"abc\r\n"), 401, NO_TOKEN));
        all.add(new Hostile("absolute target with user info", get("http://u@localhost/merchants"), 401, NO_TOKEN));
        all.add(new Hostile("Transfer-Encoding and Content-Length",
                request("POST /merchants HTTP/1.1", "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n") + "0\r\n\r\n",
                401, NO_TOKEN));
        return all;
    }

    public static String get(String target) {
        return get(target, "");
    }

    public static String get(String target, String headers) {
        return request("GET " + target + " HTTP/1.1", headers);
    }

    /** The request line, Host, {@code Connection: close} and these header lines (each ending in CRLF). */
    public static String request(String requestLine, String headers) {
        return requestLine + "\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n";
    }
}
