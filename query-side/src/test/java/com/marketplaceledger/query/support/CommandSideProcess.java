package com.marketplaceledger.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real command side, started from the jar the build made of it (Maven builds command-side
 * before query-side), against the test's database: commands go in over its REST API exactly as
 * a merchant sends them. The query side never depends on the command side's code.
 */
public final class CommandSideProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MERCHANT_PATH = Pattern.compile("^/merchants/([^/?]+)");

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private CommandSideProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://localhost:" + port;
    }

    public static CommandSideProcess start(String jdbcUrl) throws IOException, InterruptedException {
        Path jar = jar();
        int port = freePort();
        Path log = Files.createTempFile("command-side", ".log");
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LEDGER_DB_URL", jdbcUrl);
        builder.environment().put("LEDGER_DB_USER", "postgres");
        builder.environment().put("LEDGER_DB_PASSWORD", "");
        var commandSide = new CommandSideProcess(builder.start(), log, port);
        commandSide.awaitUp();
        return commandSide;
    }

    public String baseUrl() {
        return base;
    }

    public long pid() {
        return process.pid();
    }

    /** POSTs a JSON command; returns the answer's global position. */
    public long post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.merchant(merchantOf(path, body)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        return answer.get("position").asLong();
    }

    /** The merchant a command is for: the one in its path, or the one it registers. */
    private static String merchantOf(String path, String body) {
        Matcher inPath = MERCHANT_PATH.matcher(path);
        if (inPath.find()) {
            return inPath.group(1);
        }
        JsonNode registered;
        try {
            registered = JSON.readTree(body).path("merchantId");
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
        if (!registered.isTextual()) {
            throw new IllegalArgumentException("no merchant in " + path + " or its body");
        }
        return registered.asText();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitUp() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the command side exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the command side did not come up within 120 s: " + Files.readString(log));
    }

    private static Path jar() throws IOException {
        Path target = Path.of("..", "command-side", "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().matches("command-side-.*\\.jar")).toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no command-side jar in " + target
                        + ": build from the project root (mvn verify), which packages command-side before query-side");
            }
            return jars.get(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
