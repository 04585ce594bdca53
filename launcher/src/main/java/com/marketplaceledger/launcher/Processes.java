package com.marketplaceledger.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The operating system's side of the processes the launcher runs: pid files, command lines, signals. */
final class Processes {

    private Processes() {
    }

    /**
     * The live process whose pid a file names, if its command line contains {@code marker}: a pid
     * left in a file by a process that died (or a machine that rebooted) may belong to another
     * process by now.
     */
    static Optional<ProcessHandle> fromPidFile(Path pidFile, String marker) {
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                    .filter(process -> commandLine(process.pid()).contains(marker));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no file, or not a pid
        }
    }

    static void writePidFile(Path pidFile, long pid) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Path draft = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        Files.writeString(draft, pid + "\n");
        Files.move(draft, pidFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The whole command line (/proc), also for processes the JVM cannot describe, such as other users'. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        }
    }

    /** Sends a signal by name (INT, TERM, KILL); Java itself sends only TERM and KILL. */
    static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal process " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True if the process ended within the time. */
    static boolean awaitExit(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** What a child's exit status says: Java reports death by signal N as 128 + N. */
    static String exitReason(int status) {
        if (status > 128 && status < 160) {
            int signal = status - 128;
            return "killed by signal " + signal + (signal == 9 ? " (SIGKILL)" : signal == 15 ? " (SIGTERM)" : "");
        }
        return "exit code " + status;
    }
}
