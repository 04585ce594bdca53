package com.marketplaceledger.bench;

import com.marketplaceledger.bench.Results.Figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resident memory (from /proc) and heap in use (from jcmd, after a full GC) of each service. */
final class Memory {

    static final double TARGET_HEAP_MIB = 1024;
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private Memory() {
    }

    static void run(Target target, Results results) throws IOException, InterruptedException {
        for (String service : new String[] {"command-side", "query-side"}) {
            Long pid = target.pid(service);
            if (pid == null) {
                System.out.println(service + ": no pid file under " + target.runDir + "; memory not measured");
                continue;
            }
            measure(results, service, pid);
        }
    }

    static void measure(Results results, String service, long pid) throws IOException, InterruptedException {
        Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        if (rss.find()) {
            results.add(new Figure(service + " resident memory", Long.parseLong(rss.group(1)) / 1024.0, "MiB",
                    null, null, null, false, "VmRSS"));
        }
        jcmd(pid, "GC.run");
        Matcher heap = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (heap.find()) {
            results.add(new Figure(service + " heap in use after GC", Long.parseLong(heap.group(1)) / 1024.0, "MiB",
                    null, null, TARGET_HEAP_MIB, false, "jcmd GC.heap_info"));
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(Files.exists(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(pid), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}
