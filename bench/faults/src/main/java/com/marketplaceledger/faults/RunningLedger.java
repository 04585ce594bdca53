package com.marketplaceledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The ledger under test as {@code ./ledger up} runs it: both services, the database, the local
 * signing key, and the pid files of the supervisor's parts under the data directory.
 */
final class RunningLedger {

    static final ObjectMapper JSON = new ObjectMapper();

    final URI commandSide;
    final URI querySide;
    final Path data;
    private final String databaseUrl;
    private final PrivateKey key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    RunningLedger(URI commandSide, URI querySide, Path data, String databaseUrl) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.data = data;
        try {
            this.databaseUrl = databaseUrl != null ? databaseUrl : Files.readString(data.resolve("run/database.url")).strip();
            this.key = LedgerTokens.readPrivateKey(data.resolve("keys/signing-key.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException("no ledger runs on " + data + " (./ledger up makes its run/database.url and keys/)", e);
        }
    }

    String merchantToken(String merchant) {
        return LedgerTokens.mint(key, Grant.merchant(merchant), Duration.ofDays(1));
    }

    String token(LedgerRole role) {
        return LedgerTokens.mint(key, Grant.of("fault-injection", role), Duration.ofDays(1));
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl, "postgres", System.getenv().getOrDefault("LEDGER_DB_PASSWORD", ""));
    }

    /** Sends one request; an answer of any status, or the failure to get one (the service down). */
    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    JsonNode get(URI base, String path, LedgerRole role) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token(role)).GET().build());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    JsonNode post(URI base, String path, LedgerRole role) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token(role)).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** Both services report UP (the command side's and the query side's health include the database). */
    boolean healthy() {
        return up(commandSide) && up(querySide);
    }

    private boolean up(URI service) {
        try {
            HttpResponse<String> health = send(HttpRequest.newBuilder(service.resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build());
            return health.statusCode() == 200 && JSON.readTree(health.body()).path("status").asText().equals("UP");
        } catch (IOException e) {
            return false;
        }
    }

    /** The pid the supervisor recorded for a service, if that process still runs. */
    Optional<Long> servicePid(String service) {
        return pidFrom(data.resolve("run/" + service + ".pid"));
    }

    /** The postmaster's pid, from PostgreSQL's own lock file. */
    Optional<Long> postmasterPid() {
        return pidFrom(data.resolve("postgres/postmaster.pid"));
    }

    private static Optional<Long> pidFrom(Path file) {
        try {
            long pid = Long.parseLong(Files.readAllLines(file).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
