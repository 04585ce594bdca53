package com.marketplaceledger.axon.web;

import com.marketplaceledger.axon.web.HostileRequests.Hostile;
import com.marketplaceledger.axon.web.RawHttp.Answer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

import static com.marketplaceledger.axon.web.HostileRequests.FIREWALL;
import static com.marketplaceledger.axon.web.HostileRequests.MALFORMED;
import static com.marketplaceledger.axon.web.HostileRequests.get;
import static com.marketplaceledger.axon.web.HostileRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service answers hostile requests, over a socket to the service running for real: a 4xx
 * problem in the ledger's form, never Tomcat's HTML page, never a 5xx. Each service's test
 * implements it on its running server.
 */
public interface HostileRequestContract {

    /**
     * The service under test: its port, and a path and token for a POST of a JSON body its access
     * rules let through to Spring MVC.
     */
    record Service(int port, String jsonPostPath, String jsonPostToken) {
    }

    Service service();

    @Test
    default void aNulByteInThePathIsAMalformedRequestProblem() {
        assertProblem(send(get("/merchants/%00")), 400, MALFORMED);
    }

    @Test
    default void anEncodedSlashInThePathIsAMalformedRequestProblem() {
        assertProblem(send(get("/merchants/a%2Fb")), 400, MALFORMED);
    }

    @Test
    default void anEncodedBackslashInThePathIsAMalformedRequestProblem() {
        assertProblem(send(get("/merchants/a%5Cb")), 400, MALFORMED);
    }

    @Test
    default void anInvalidCharacterInTheRequestTargetIsAMalformedRequestProblem() {
        assertProblem(send(get("/merchants/a|b")), 400, MALFORMED);
    }

    @Test
    default void malformedPercentEncodingIsAMalformedRequestProblem() {
        assertProblem(send(get("/merchants/%zz")), 400, MALFORMED);
    }

    @Test
    default void invalidUtf8InThePathIsAMalformedRequestProblem() {
        assertProblem(send(get("/merchants/%C0%AF")), 400, MALFORMED);
    }

    @Test
    default void anOverLongRequestLineIsAMalformedRequestProblem() {
        assertProblem(send(get("/merchants/" + "a".repeat(10_000))), 400, MALFORMED);
    }

    @Test
    default void overLongHeadersAreAMalformedRequestProblem() {
        assertProblem(send(get("/merchants", "X-Big: " + "a".repeat(10_000) + "\r\n")), 400, MALFORMED);
    }

    @Test
    default void anUnsupportedHttpVersionIsAClientProblemRatherThanA505() {
        assertProblem(send(request("GET /merchants HTTP/1.2", "")), 400, "http-version-not-supported");
    }

    @Test
    default void aPathTomcatKeepsToItselfIsANotFoundProblem() {
        assertProblem(send(get("/WEB-INF/web.xml")), 404, "not-found");
    }

    @Test
    default void traceIsAMethodNotAllowedProblem() {
        assertProblem(send(request("TRACE /merchants HTTP/1.1", "")), 405, "method-not-allowed");
    }

    @Test
    default void aDoubleSlashIsRefusedByTheFirewallAsAProblem() {
        assertProblem(send(get("//merchants")), 400, FIREWALL);
    }

    @Test
    default void aJsessionidPathParameterIsRefusedByTheFirewallAsAProblem() {
        assertProblem(send(get("/merchants/M-1;jsessionid=abc")), 400, FIREWALL);
    }

    @Test
    default void aHeaderTheFirewallRefusesWhereSpringMvcReadsItIsAProblemRatherThanAnInternalError() {
        Answer answer = send(requestReachingSpringMvc("application/json\u0085"));

        assertProblem(answer, 400, FIREWALL);
    }

    @Test
    default void aRefusedHeaderValueTheFirewallQuotesComesBackEscaped() {
        Answer answer = send(get("/merchants", "Authorization: Bearer a\u0085b\r\n"));

        assertProblem(answer, 400, FIREWALL);
        assertThat(answer.body()).as("%s", answer).doesNotContain("\u0085").contains("\\u0085");
    }

    @TestFactory
    default List<DynamicTest> everyHostileRequestOfTheCatalogueAnswersAProblemNeverHtmlNorA5xx() {
        return HostileRequests.catalogue(requestReachingSpringMvc("application/json\u0085")).stream()
                .map(hostile -> DynamicTest.dynamicTest(hostile.name(), () -> assertAnswered(hostile)))
                .toList();
    }

    private void assertAnswered(Hostile hostile) {
        Answer answer = send(hostile.request());
        assertThat(answer.status()).as("%s: %s", hostile.name(), answer).isBetween(400, 499);
        assertProblem(answer, hostile.status(), hostile.rule());
    }

    /** A POST that passes the access rules, of this Content-Type, whose body Spring MVC reads. */
    private String requestReachingSpringMvc(String contentType) {
        return request("POST " + service().jsonPostPath() + " HTTP/1.1", "Authorization: Bearer "
                + service().jsonPostToken() + "\r\nContent-Type: " + contentType + "\r\nContent-Length: 2\r\n") + "{}";
    }

    private Answer send(String request) {
        return RawHttp.send(service().port(), request);
    }

    /** A problem in the ledger's form: this status, application/problem+json, and this rule. */
    private static void assertProblem(Answer answer, int status, String rule) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.mediaType()).as("%s", answer).isEqualTo("application/problem+json");
        assertThat(answer.json().path("status").asInt()).as("%s", answer).isEqualTo(status);
        assertThat(answer.json().path("rule").asText()).as("%s", answer).isEqualTo(rule);
        assertThat(answer.json().path("type").asText()).as("%s", answer).isEqualTo("urn:marketplace-ledger:problem:" + rule);
    }
}
