package com.marketplaceledger.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the command side's registration and bulk import, answering as they do: 201 with
 * a position for a registration; 200 with every line's position for an import, or 422 listing
 * each line's outcome when one is refused.
 */
final class FakeCommandSide implements AutoCloseable {

    /** A request as it arrived. */
    record Received(String path, String contentType, String body) {
    }

    final List<Received> registrations = new CopyOnWriteArrayList<>();
    final List<Received> imports = new CopyOnWriteArrayList<>();
    /** Lines containing this are refused as the import refuses an unknown listing. */
    volatile String refuseLinesContaining;
    volatile int registrationStatus = 201;
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
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
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
