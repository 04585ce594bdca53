package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.LedgerJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the command side's registration and bulk import, answering as they do: 201 with
 * a position for a registration; 200 with every line's position for an import, or 422 listing
 * each line's outcome when one is refused. Its access rules are the command side's too: a request
 * without a bearer token signed with the trusted key is 401, registering another merchant than the
 * token's is 403 and importing for another merchant 404, each as a problem.
 */
final class FakeCommandSide implements AutoCloseable {

    /** A request as it arrived. */
    record Received(String path, String contentType, String authorization, String body) {

        /** The merchant the request's bearer token names. */
        String tokenMerchant() {
            return TestTokens.merchantOf(authorization);
        }
    }

    final List<Received> registrations = new CopyOnWriteArrayList<>();
    final List<Received> imports = new CopyOnWriteArrayList<>();
    /** Lines containing this are refused as the import refuses an unknown listing. */
    volatile String refuseLinesContaining;
    volatile int registrationStatus = 201;
    /** The key whose tokens are accepted, as the command side trusts the ledger's signing key. */
    volatile PublicKey trustedKey = TestTokens.KEYS.getPublic();
    /** Whether a registration must be for the token's merchant (the command side always checks; a test may not). */
    volatile boolean registrationOwnershipChecked = true;
    /** Requests refused by the access rules, before they reached registration or import. */
    final List<Received> refused = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private long position;

    FakeCommandSide() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/merchants", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        var received = new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!allowed(exchange, received)) {
            refused.add(received);
            return;
        }
        if (path.equals("/merchants")) {
            registrations.add(received);
            if (registrationStatus == 201) {
                answer(exchange, 201, "{\"stream\":\"merchant/M\",\"position\":" + ++position + "}");
            } else {
                answer(exchange, registrationStatus, "{\"status\":" + registrationStatus
                        + ",\"rule\":\"already-exists\",\"detail\":\"a resource with this id already exists\"}");
            }
            return;
        }
        imports.add(received);
        var lines = new StringBuilder();
        int number = 0;
        int rejected = 0;
        for (String line : received.body().split("\n")) {
            lines.append(number == 0 ? "" : ",");
            number++;
            if (refuseLinesContaining != null && line.contains(refuseLinesContaining)) {
                rejected++;
                lines.append("{\"line\":").append(number).append(",\"status\":\"rejected\",\"problem\":{\"status\":404,")
                        .append("\"rule\":\"unknown-listing\",\"field\":\"listingId\",")
                        .append("\"detail\":\"listing L-9 is not published by merchant M\"}}");
            } else {
                lines.append("{\"line\":").append(number).append(",\"status\":\"accepted\",\"stream\":\"s\",\"position\":")
                        .append(++position).append('}');
            }
        }
        String outcome = "\"accepted\":" + (number - rejected) + ",\"rejected\":" + rejected + ",\"lines\":[" + lines + "]";
        if (rejected == 0) {
            answer(exchange, 200, "{" + outcome + "}");
        } else {
            answer(exchange, 422, "{\"status\":422,\"rule\":\"import-lines-rejected\"," + outcome + "}");
        }
    }

    /** The command side's access rules; answers the refusal itself when the request is not allowed. */
    private boolean allowed(HttpExchange exchange, Received received) throws IOException {
        String authorization = received.authorization();
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "{\"status\":401,\"rule\":\"unauthenticated\","
                    + "\"detail\":\"this endpoint needs a bearer token (Authorization: Bearer <JWT>)\"}");
            return false;
        }
        if (!TestTokens.signedBy(authorization.substring("Bearer ".length()), trustedKey)) {
            answer(exchange, 401, "{\"status\":401,\"rule\":\"invalid-token\","
                    + "\"detail\":\"the bearer token was refused: Signed JWT rejected: Invalid signature\"}");
            return false;
        }
        String own = received.tokenMerchant();
        if (received.path().equals("/merchants")) {
            String registered = LedgerJson.objectMapper().readTree(received.body()).path("merchantId").asText();
            if (registrationOwnershipChecked && !registered.equals(own)) {
                answer(exchange, 403, "{\"status\":403,\"rule\":\"other-merchant\",\"field\":\"merchantId\","
                        + "\"detail\":\"this token records for merchant " + own + " only, not for " + registered + "\"}");
                return false;
            }
        } else if (!received.path().startsWith("/merchants/" + own + "/")) {
            String other = received.path().split("/")[2];
            answer(exchange, 404, "{\"status\":404,\"rule\":\"unknown-merchant\",\"field\":\"merchantId\","
                    + "\"detail\":\"merchant " + other + " is not registered\"}");
            return false;
        }
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
