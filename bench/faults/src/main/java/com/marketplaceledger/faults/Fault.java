package com.marketplaceledger.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the suite does to the running ledger. A kill is SIGKILL, as a crash or the kernel's OOM
 * killer would; PostgreSQL is killed with every process it forked, as a machine losing power
 * would. Its fast and immediate shutdowns are the orderly and the abrupt stop an operator (or a
 * package upgrade) gives it; the supervisor starts it again each time.
 */
enum Fault {

    COMMAND_SIDE("kill -9 of the command side"),
    QUERY_SIDE("kill -9 of the query side"),
    DATABASE("kill -9 of PostgreSQL (the postmaster and every backend)"),
    ALL("kill -9 of both services and PostgreSQL at once"),
    DATABASE_FAST_SHUTDOWN("PostgreSQL fast shutdown (SIGINT), started again by the supervisor"),
    DATABASE_IMMEDIATE_SHUTDOWN("PostgreSQL immediate shutdown (SIGQUIT): crash recovery at the next start");

    final String description;

    Fault(String description) {
        this.description = description;
    }

    /** Inflicts the fault; answers the pids it signalled. */
    List<Long> inflict(RunningLedger ledger) throws IOException {
        List<Long> pids = new ArrayList<>();
        String signal = "KILL";
        switch (this) {
            case COMMAND_SIDE -> ledger.servicePid("command-side").ifPresent(pids::add);
            case QUERY_SIDE -> ledger.servicePid("query-side").ifPresent(pids::add);
            case DATABASE -> pids.addAll(postgres(ledger));
            case ALL -> {
                ledger.servicePid("command-side").ifPresent(pids::add);
                ledger.servicePid("query-side").ifPresent(pids::add);
                pids.addAll(postgres(ledger));
            }
            case DATABASE_FAST_SHUTDOWN -> {
                signal = "INT";
                ledger.postmasterPid().ifPresent(pids::add);
            }
            case DATABASE_IMMEDIATE_SHUTDOWN -> {
                signal = "QUIT";
                ledger.postmasterPid().ifPresent(pids::add);
            }
        }
        if (pids.isEmpty()) {
            throw new IOException("nothing to " + description + ": the part does not run");
        }
        signal(signal, pids);
        return pids;
    }

    /**
     * One kill for every process, so that none of them outlives the others by a moment. Kill answers
     * 1 when one of several processes had ended between being listed and the kill (a backend whose
     * client left); that is a failure only if one of them still runs once the others are gone.
     */
    static void signal(String signal, List<Long> pids) throws IOException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(pid.toString()));
        try {
            int status = new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
            if (status == 0) {
                return;
            }
            List<Long> running = new ArrayList<>();
            for (long pid : pids) {
                Optional<ProcessHandle> process = ProcessHandle.of(pid);
                if (process.isPresent()) {
                    process.get().onExit().completeOnTimeout(process.get(), 5, TimeUnit.SECONDS).join();
                    if (process.get().isAlive()) {
                        running.add(pid);
                    }
                }
            }
            if (pids.size() == 1 || !running.isEmpty()) {
                throw new IOException(String.join(" ", command) + " failed with status " + status + "; running: " + running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static List<Long> postgres(RunningLedger ledger) {
        List<Long> pids = new ArrayList<>();
        ledger.postmasterPid().ifPresent(postmaster -> {
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(child -> pids.add(child.pid())));
        });
        return pids;
    }
}
