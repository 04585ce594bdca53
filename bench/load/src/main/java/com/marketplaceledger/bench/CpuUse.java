package com.marketplaceledger.bench;

import com.marketplaceledger.bench.Results.Figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU of a benchmark goes, from /proc: each service, the database's work for each (its
 * connections name their service), the rest of the database, and this driver. Divided by the
 * events (or commands) of the run, it says what one costs and so how many two cores can take. Figures are
 * left out where /proc does not show a process (another machine's database, another OS). A
 * connection that ends during the run counts with the rest of the database, its whole life long.
 */
final class CpuUse {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final String REST_OF_DATABASE = "database, the rest";
    private static final String SERVICE_OF_BACKEND = """
            SELECT pid, coalesce(nullif(application_name, ''), backend_type) FROM pg_stat_activity""";

    /** What one process had used, and which part of the table it counts for. */
    private record Use(String part, long ticks) {
    }

    private final Target target;
    private final Map<Long, Use> before;

    private CpuUse(Target target, Map<Long, Use> before) {
        this.target = target;
        this.before = before;
    }

    static CpuUse start(Target target) throws SQLException {
        return new CpuUse(target, uses(target));
    }

    /** The CPU ticks each part used since {@link #start}. */
    Map<String, Long> used() throws SQLException {
        var parts = new LinkedHashMap<String, Long>();
        uses(target).forEach((pid, use) -> {
            Use earlier = before.get(pid);
            long since = earlier == null || !earlier.part().equals(use.part()) ? use.ticks() : use.ticks() - earlier.ticks();
            parts.merge(use.part(), Math.max(0, since), Long::sum);
        });
        return parts;
    }

    /** Adds what each part {@link #used} per {@code unit} of the run (an event appended, a command at saturation). */
    static void report(Results results, Map<String, Long> used, long units, String unit, String what) {
        if (units == 0) {
            return;
        }
        String name = "CPU per " + unit + " " + what + ": ";
        used.forEach((part, ticks) -> results.add(figure(name + part, ticks, units, unit)));
        results.add(figure(name + "all of the above", used.values().stream().mapToLong(Long::longValue).sum(), units,
                unit));
    }

    private static Figure figure(String name, long ticks, long units, String unit) {
        return new Figure(name, ticks * 1e6 / TICKS_PER_SECOND / units, "µs/" + unit, null, null, null, false, null);
    }

    private static Map<Long, Use> uses(Target target) throws SQLException {
        var uses = new LinkedHashMap<Long, Use>();
        for (String service : new String[] {"command-side", "query-side"}) {
            Long pid = target.pid(service);
            Long used = pid == null ? null : ticksOf(pid, false);
            if (used != null) {
                uses.put(pid, new Use(service, used));
            }
        }
        var database = new LinkedHashMap<Long, Use>();
        long postmaster = 0;
        try (Connection db = target.database(); Statement statement = db.createStatement();
             ResultSet backends = statement.executeQuery(SERVICE_OF_BACKEND)) {
            while (backends.next()) {
                long pid = backends.getLong(1);
                Long used = ticksOf(pid, false);
                if (used == null) {
                    database.clear(); // the database runs where /proc does not show it
                    postmaster = 0;
                    break;
                }
                String owner = backends.getString(2);
                database.put(pid, new Use(owner.equals("command-side") || owner.equals("query-side")
                        ? "database for the " + owner : REST_OF_DATABASE, used));
                postmaster = parentOf(pid);
            }
        }
        // The postmaster, with what its ended children used (connections closed, vacuum workers).
        Long main = postmaster == 0 ? null : ticksOf(postmaster, true);
        if (main != null) {
            database.put(postmaster, new Use(REST_OF_DATABASE, main));
        }
        uses.putAll(database);
        Long self = ticksOf(ProcessHandle.current().pid(), false);
        if (self != null) {
            uses.putIfAbsent(ProcessHandle.current().pid(), new Use("load driver", self));
        }
        return uses;
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/pid/stat), with its ended children's if asked. */
    private static Long ticksOf(long pid, boolean withEndedChildren) {
        String[] fields = stat(pid);
        if (fields == null) {
            return null;
        }
        long used = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        return withEndedChildren ? used + Long.parseLong(fields[15]) + Long.parseLong(fields[16]) : used;
    }

    private static long parentOf(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : Long.parseLong(fields[3]);
    }

    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: split after it.
            String rest = stat.substring(stat.lastIndexOf(')') + 2);
            String[] tail = rest.split(" ");
            String[] fields = new String[tail.length + 2];
            fields[0] = String.valueOf(pid);
            fields[1] = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            System.arraycopy(tail, 0, fields, 2, tail.length);
            return fields;
        } catch (IOException | RuntimeException notShown) {
            return null;
        }
    }
}
