package com.marketplaceledger.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** replay and history against a stand-in of the query side answering as it does. */
class ReplayAndHistoryCommandsTest {

    private static final String REPLAYING = """
            {"processor":"genealogy","replaying":true,"startedAt":"2026-12-01T10:00:00Z","finishedAt":null,
             "targetPosition":2400,"eventsDone":1200,"percent":50.0,"eventsPerSecond":800,"secondsLeft":1,"checksum":null}""";
    private static final String DONE = """
            {"processor":"genealogy","replaying":false,"startedAt":"2026-12-01T10:00:00Z",
             "finishedAt":"2026-12-01T10:00:03Z","targetPosition":2400,"eventsDone":2400,"percent":100.0,
             "eventsPerSecond":800,"secondsLeft":0,"checksum":{"processor":"genealogy","checksum":"abc123",
             "tables":{"distributor":{"rows":40,"md5":"d41d"}}}}""";

    private final Map<String, String> asked = new ConcurrentHashMap<>();
    /** The Authorization header of every request, in order. */
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    @TempDir
    Path directory;
    private String token;
    private Path tokenFile;
    private final AtomicInteger progressCalls = new AtomicInteger();
    private HttpServer server;
    private String url;
    private volatile int rebuildStatus = 202;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        token = Tokens.auditor();
        tokenFile = Files.writeString(directory.resolve("auditor.jwt"), token);
    }

    /** The command line with the test's token file. */
    private Run run(String... args) {
        var withToken = new ArrayList<>(List.of(args));
        withToken.addAll(List.of("--token-file", tokenFile.toString()));
        return Run.of(withToken.toArray(String[]::new));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        asked.put(request, String.valueOf(exchange.getRequestURI().getRawQuery()));
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        int status = 200;
        String body;
        switch (request) {
            case "POST /operations/read-models/genealogy/rebuild" -> {
                status = rebuildStatus;
                body = status == 202 ? "{\"processors\":[\"genealogy\"]}"
                        : "{\"detail\":\"a rebuild of genealogy is still replaying\",\"rule\":\"rebuild-in-progress\"}";
            }
            case "GET /operations/read-models/genealogy/replay" -> body = progressCalls.incrementAndGet() < 3 ? REPLAYING : DONE;
            case "GET /history" -> body = """
                    {"stream":"sale/M-1/S-1","events":2,"history":[
                      {"position":7,"eventId":"e7","sequenceNumber":0,"type":"SaleRecorded","occurredAt":"2026-01-10T00:00:00Z","recordedAt":"2026-12-01T10:00:00Z"},
                      {"position":8,"eventId":"e8","sequenceNumber":1,"type":"CommissionAccrued","occurredAt":"2026-01-10T00:00:00Z","recordedAt":"2026-12-01T10:00:00Z"}],
                     "state":{"saleId":"S-1","remaining":{"minorUnits":39800,"currency":"CNY"}}}""";
            default -> {
                status = 404;
                body = "{\"detail\":\"no such path\"}";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status / 100 == 2 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void replayStartsTheRebuildFollowsItsProgressAndPrintsTheChecksum() {
        Run run = run("replay", "--read-model", "genealogy", "--url", url, "--poll", "10");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(asked).containsKey("POST /operations/read-models/genealogy/rebuild");
        assertThat(progressCalls.get()).isEqualTo(3);
        assertThat(authorizations).hasSize(4).containsOnly("Bearer " + token);
        assertThat(run.out()).contains("genealogy [##########----------]  50.0%  1200/2400 positions  800/s  1 s left")
                .contains("genealogy [####################] 100.0%  2400/2400 positions")
                .contains("genealogy: replayed 2400 positions in 3000 ms; checksum abc123")
                .contains("distributor: 40 rows, md5 d41d");
    }

    @Test
    void aSecondReplayOfTheSameReadModelIsRefused() {
        rebuildStatus = 409;

        Run run = run("replay", "--read-model", "genealogy", "--url", url);

        assertThat(run.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(run.err()).contains("409").contains("still replaying").contains("rebuild-in-progress");
    }

    @Test
    void replayNeedsAReadModelOrAll() {
        assertThat(Run.of("replay", "--url", url).exitCode()).isEqualTo(Auditor.USAGE);
        assertThat(Run.of("replay", "--read-model", "genealogy", "--all").exitCode()).isEqualTo(Auditor.USAGE);
    }

    @Test
    void historyPrintsTheEventsAndTheStateAsOfADay() {
        Run run = run("history", "--stream", "sale/M-1/S-1", "--as-of-date", "2026-01-10", "--url", url);

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(asked.get("GET /history")).isEqualTo("stream=sale%2FM-1%2FS-1&asOfDate=2026-01-10");
        assertThat(authorizations).containsExactly("Bearer " + token);
        assertThat(run.out()).startsWith("sale/M-1/S-1: 2 events")
                .contains("       7  #0   SaleRecorded", "CommissionAccrued", "\"remaining\"", "39800");
    }

    @Test
    void replayAndHistoryWithoutTheTokenFileExitWith3AndAskNothing() {
        Path missing = directory.resolve("none.jwt");

        Run replay = Run.of("replay", "--all", "--url", url, "--token-file", missing.toString());
        Run history = Run.of("history", "--stream", "sale/M-1/S-1", "--url", url, "--token-file", missing.toString());

        assertThat(replay.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(replay.err()).startsWith("replay: no token file at " + missing + ": ./ledger up writes the auditor's token to data/tokens/auditor.jwt");
        assertThat(history.exitCode()).isEqualTo(Auditor.FAILED);
        assertThat(history.err()).startsWith("history: no token file at " + missing);
        assertThat(authorizations).isEmpty();
    }
}
