package com.marketplaceledger.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the launcher runs and where, read from the environment once: the repository whose jars it
 * starts (the working directory), the data directory, the ports, and the database and tokens the
 * services are pointed at. {@code ./ledger --help} lists the variables.
 */
record Settings(Path root, Path data, int databasePort, int commandPort, int queryPort, String externalDatabaseUrl,
                String databaseUser, String databasePassword, List<String> javaOptions, String tokenMerchant,
                boolean externalTokens, Map<String, String> databaseSettings) {

    static Settings fromEnvironment(Map<String, String> env) {
        Path root = Path.of("").toAbsolutePath();
        return new Settings(root,
                root.resolve(env.getOrDefault("LEDGER_DATA_DIR", "data")).normalize(),
                port(env, "LEDGER_EMBEDDED_DB_PORT", 54329),
                port(env, "LEDGER_COMMAND_PORT", 8080),
                port(env, "LEDGER_QUERY_PORT", 8081),
                blankToNull(env.get("LEDGER_DB_URL")),
                env.getOrDefault("LEDGER_DB_USER", "postgres"),
                env.getOrDefault("LEDGER_DB_PASSWORD", ""),
                Arrays.asList(env.getOrDefault("LEDGER_JAVA_OPTS", "-Xmx512m").trim().split("\\s+")),
                env.getOrDefault("LEDGER_TOKEN_MERCHANT", "M-hz-001"),
                blankToNull(env.get("LEDGER_JWT_PUBLIC_KEY")) != null
                        || blankToNull(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")) != null,
                databaseSettings(env.getOrDefault("LEDGER_EMBEDDED_DB_SETTINGS", "")));
    }

    /** {@code name=value,name=value}: PostgreSQL settings of the embedded database over the launcher's own. */
    private static Map<String, String> databaseSettings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1 || !pair.substring(0, equals).strip().matches("[a-z_.]+")) {
                throw new IllegalArgumentException("LEDGER_EMBEDDED_DB_SETTINGS is name=value,name=value (PostgreSQL's "
                        + "setting names), not '" + pair + "'");
            }
            settings.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return settings;
    }

    boolean embeddedDatabase() {
        return externalDatabaseUrl == null;
    }

    String databaseUrl() {
        return embeddedDatabase() ? "jdbc:postgresql://localhost:" + databasePort + "/postgres" : externalDatabaseUrl;
    }

    Path logs() {
        return data.resolve("logs");
    }

    Path run() {
        return data.resolve("run");
    }

    Path postgresData() {
        return data.resolve("postgres");
    }

    Path postgresBinaries() {
        return data.resolve("postgres-binaries");
    }

    Path publicKey() {
        return data.resolve("keys/signing-key.pub.pem");
    }

    /** The Spring Boot jar of a service module: its repackaged main artifact, not the *.original beside it. */
    Path serviceJar(String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(module + "-[0-9][^/]*\\.jar"))
                    .filter(Settings::isBootJar)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Spring Boot jar in " + target + "; build with: mvn -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + "; build with: mvn -DskipTests package", e);
        }
    }

    /**
     * A copy of a jar that no build overwrites, named after its content, under {@code run/jars}: a
     * JVM whose jar is replaced while it runs fails on the next class it loads, and a restart would
     * start whatever the build left half-written.
     */
    Path staged(Path jar) throws IOException {
        Path jars = Files.createDirectories(run().resolve("jars"));
        String name = jar.getFileName().toString().replaceFirst("-[0-9][^/]*\\.jar$", "").replaceFirst("\\.jar$", "");
        Path staged = jars.resolve(name + "-" + digest(jar) + ".jar");
        if (!Files.exists(staged)) {
            Path draft = Files.createTempFile(jars, name, ".tmp");
            Files.copy(jar, draft, StandardCopyOption.REPLACE_EXISTING);
            Files.move(draft, staged, StandardCopyOption.ATOMIC_MOVE);
        }
        return staged;
    }

    /**
     * A Spring Boot jar unpacked once into {@code run/jars/<name>-<digest>/} (Boot's own
     * {@code extract}): the service starts a third faster from the unpacked layout than from
     * the jar, and only from it can the JVM share the classes of a CDS archive. Answers the
     * unpacked application jar.
     */
    Path unpacked(Path bootJar) throws IOException, InterruptedException {
        Path jars = Files.createDirectories(run().resolve("jars"));
        String name = bootJar.getFileName().toString().replaceFirst("-[0-9][^/]*\\.jar$", "");
        Path target = jars.resolve(name + "-" + digest(bootJar));
        Path application = target.resolve(bootJar.getFileName());
        if (Files.exists(application)) {
            return application;
        }
        Path draft = Files.createTempDirectory(jars, name + "-unpacking-");
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", bootJar.toString(), "extract", "--force", "--destination", draft.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (extract.waitFor() != 0) {
            throw new IOException("could not unpack " + bootJar + " (" + Processes.exitReason(extract.exitValue()) + ")");
        }
        Files.move(draft, target, StandardCopyOption.ATOMIC_MOVE);
        return application;
    }

    private static String digest(Path file) throws IOException {
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isBootJar(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/lib/") != null || file.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number (1 to 65535), not '" + value + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
