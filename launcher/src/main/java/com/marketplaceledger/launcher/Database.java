package com.marketplaceledger.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The ledger's own PostgreSQL: real binaries from Maven Central, a data directory that survives
 * restarts, and the server run in the foreground as the supervisor's child, so its death is seen at
 * once. It is given as long as crash recovery takes: nothing here stops a server that is
 * recovering, and its progress is read from its log.
 */
final class Database implements Part {

    private static final Pattern STARTUP_LINE = Pattern.compile(
            "redo |recovery|was interrupted|was not properly shut down|checkpoint record|ready to accept|FATAL|PANIC");
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofMinutes(15);

    private final Path dataDir;
    private final Path binaries;
    private final Path log;
    private final int port;
    private final Map<String, String> serverSettings;

    private Process process;
    private ProcessHandle handle;

    Database(Settings settings) {
        this.dataDir = settings.postgresData().toAbsolutePath();
        this.binaries = settings.postgresBinaries().toAbsolutePath();
        this.log = settings.logs().resolve("postgres.log").toAbsolutePath();
        this.port = settings.databasePort();
        this.serverSettings = serverSettings(physicalMemory());
        this.serverSettings.putAll(settings.databaseSettings());
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean adopt() {
        handle = Processes.fromPidFile(dataDir.resolve("postmaster.pid"), dataDir.toString()).orElse(null);
        process = null;
        return handle != null;
    }

    @Override
    public void start() throws IOException {
        Path bin = PostgresBinaries.unpacked(binaries).resolve("bin");
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initdb(bin);
        }
        removeStaleLockFile();
        Files.createDirectories(log.getParent());
        List<String> command = asServerUser(bin.resolve("postgres").toString(), "-D", dataDir.toString(), "-p",
                Integer.toString(port));
        serverSettings.forEach((name, value) -> {
            command.add("-c");
            command.add(name + "=" + value);
        });
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        handle = process.toHandle();
    }

    @Override
    public boolean alive() {
        return handle != null && handle.isAlive();
    }

    @Override
    public boolean ready() {
        if (!alive()) {
            return false;
        }
        var properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("ApplicationName", "ledger-supervisor");
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), properties)) {
            return connection.isValid(2);
        } catch (SQLException notYet) {
            return false; // starting, recovering, or shutting down
        }
    }

    @Override
    public OptionalLong pid() {
        return handle == null ? OptionalLong.empty() : OptionalLong.of(handle.pid());
    }

    @Override
    public String exitReason() {
        return process != null && !process.isAlive() ? Processes.exitReason(process.exitValue()) : "stopped";
    }

    /** The latest line of the server's log about its start: crash recovery's progress above all. */
    @Override
    public String progress() {
        List<String> lines = tail(log, 32 * 1024);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (STARTUP_LINE.matcher(lines.get(i)).find()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }

    /** A fast shutdown (SIGINT): sessions are ended, a checkpoint is written, so the next start needs no recovery. */
    @Override
    public void stop() {
        if (!alive()) {
            return;
        }
        Processes.signal(handle.pid(), "INT");
        if (!Processes.awaitExit(handle, SHUTDOWN_PATIENCE)) {
            // an immediate shutdown is as safe as a crash: the next start recovers from the WAL
            Processes.signal(handle.pid(), "QUIT");
            Processes.awaitExit(handle, Duration.ofMinutes(1));
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /**
     * The server's settings. Durable commits (fsync, synchronous_commit); sized for a machine of its
     * own (see {@link #sizedFor}); crash recovery bounded by how much WAL a checkpoint may leave
     * behind (see {@link #WAL_SETTINGS}); its progress logged every few seconds.
     */
    static Map<String, String> serverSettings(long memoryBytes) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "localhost");
        settings.put("max_connections", "300");
        settings.put("timezone", "UTC");
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.putAll(sizedFor(memoryBytes));
        settings.putAll(WAL_SETTINGS);
        settings.put("log_startup_progress_interval", "5s");
        return settings;
    }

    /**
     * How far a crash can leave the server behind its last checkpoint, which is what crash recovery
     * replays. Measured on 2 cores (docs/benchmarks.md, "Recovery after a crash"): 2 GB replays in
     * about 10 s, the database accepts connections 15 s after a crash at peak import load, at the
     * price of more checkpoints (and more whole pages written after each, 1.6 times the WAL of 8 GB).
     */
    static final Map<String, String> WAL_SETTINGS = Map.of(
            "max_wal_size", "2GB",
            "checkpoint_timeout", "15min");

    /**
     * PostgreSQL's defaults fit a small shared host: 128 MB of buffers. These are the usual sizes
     * for a server of its own: a quarter of the memory for buffers, and the buffers' contents
     * reloaded after a restart (pg_prewarm's autoprewarm), so queries do not start from disk.
     */
    static Map<String, String> sizedFor(long memoryBytes) {
        long mib = memoryBytes / (1024 * 1024);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("shared_buffers", Math.min(Math.max(mib / 4, 128), 8192) + "MB");
        settings.put("effective_cache_size", Math.max(mib / 2, 512) + "MB");
        settings.put("shared_preload_libraries", "pg_prewarm");
        return settings;
    }

    static long physicalMemory() {
        // the container's limit where there is one
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    /** A new cluster, made beside the data directory and moved in whole: a crash mid-way leaves no half-made one. */
    private void initdb(Path bin) throws IOException {
        if (Files.isDirectory(dataDir)) {
            try (var entries = Files.list(dataDir)) {
                if (entries.anyMatch(p -> !p.getFileName().toString().equals("epg-lock"))) {
                    throw new IOException(dataDir + " holds files but no PostgreSQL cluster (no PG_VERSION); move it away");
                }
            }
            Files.walk(dataDir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Path draft = dataDir.resolveSibling(dataDir.getFileName() + ".initdb");
        if (Files.exists(draft)) {
            Files.walk(draft).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.createDirectories(log.getParent());
        List<String> command = asServerUser(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres",
                "-D", draft.toString(), "-E", "UTF-8");
        try {
            int status = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor();
            if (status != 0) {
                throw new IOException("initdb failed (" + Processes.exitReason(status) + "); see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the database cluster", e);
        }
        Files.move(draft, dataDir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * After a power loss the pid in postmaster.pid may belong to another process by now, and
     * PostgreSQL then refuses to start ("Is another postmaster running?"). It is ours only if
     * that process runs on this data directory.
     */
    private void removeStaleLockFile() throws IOException {
        Path lockFile = dataDir.resolve("postmaster.pid");
        Optional<String> first = Files.exists(lockFile) ? Files.readAllLines(lockFile).stream().findFirst() : Optional.empty();
        if (first.isEmpty()) {
            return;
        }
        try {
            long pid = Long.parseLong(first.get().trim());
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                    && !Processes.commandLine(pid).contains(dataDir.toString())) {
                Files.delete(lockFile);
            }
        } catch (NumberFormatException unreadable) {
            Files.delete(lockFile);
        }
    }

    /** PostgreSQL refuses to run as root: as root it runs in a user namespace of its own (unshare, util-linux). */
    private static List<String> asServerUser(String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            if (!onPath("unshare")) {
                throw new IOException("as root the embedded PostgreSQL runs through 'unshare' (util-linux), which is not "
                        + "installed: apt-get install util-linux, or set LEDGER_DB_URL to use a PostgreSQL of your own");
            }
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static List<String> tail(Path file, int bytes) {
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - bytes);
            byte[] buffer = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(buffer);
            List<String> lines = new ArrayList<>(List.of(new String(buffer, StandardCharsets.UTF_8).split("\n")));
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0); // cut in the middle
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        }
    }
}
