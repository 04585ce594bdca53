package com.marketplaceledger.bench;

import com.marketplaceledger.bench.Results.Figure;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Single commands over REST: enrolments of new root distributors of one merchant (each its own
 * stream), sent open-loop at a fixed rate with latency counted from when each request was due (so
 * a stall is not hidden), then closed-loop by many clients to saturation. The baseline is the same
 * service's health endpoint under the same load. At saturation it also reports the CPU each process
 * used per command, counted until the read models have taken the commands in.
 *
 * <p>Both are warmed up first by the same load, uncounted: a service started a moment before, or
 * that has only imported until now, compiles its request path while the first seconds of load
 * queue up behind it (a p50 of 14 s at 500/s right after a restart, 3 ms once warm).
 */
final class RestCommands {

    static final String MERCHANT_PREFIX = "BENCH-";
    static final double TARGET_P99_MS = 20;
    static final double TARGET_SATURATION = 2_000;

    private RestCommands() {
    }

    static void run(Target target, Results results, int rate, int seconds, int clients) throws Exception {
        Http http = new Http();
        String merchant = MERCHANT_PREFIX + System.currentTimeMillis();
        String token = target.merchantToken(merchant);
        Http.ok(http.post(target.commandSide.resolve("/merchants"), token, """
                {"merchantId":"%s","name":"Benchmark merchant","licenceNumber":"BENCH","jurisdiction":"CN",
                 "occurredAt":"2026-01-01T00:00:00Z"}""".formatted(merchant)));
        Http.ok(http.post(target.commandSide.resolve("/merchants/" + merchant + "/plans"), token, """
                {"plan":{"salesRates":[{"level":1,"basisPoints":1000}],"joiningFeeRates":[],"refundWindowDays":30,
                 "buybackBasisPoints":9000},"occurredAt":"2026-01-01T00:00:00Z"}"""));
        URI enrol = target.commandSide.resolve("/merchants/" + merchant + "/distributors");
        AtomicLong next = new AtomicLong();
        LongFunction<HttpRequest> command = i -> http.post(enrol, token,
                "{\"distributorId\":\"D-" + next.incrementAndGet() + "\",\"occurredAt\":\"2026-01-02T00:00:00Z\"}",
                "application/json");
        HttpRequest health = HttpRequest.newBuilder(target.commandSide.resolve("/actuator/health")).GET().build();
        openLoop(http, command, rate, seconds);
        openLoop(http, i -> health, rate, seconds);

        Histogram commands = openLoop(http, command, rate, seconds);
        Histogram empty = openLoop(http, i -> health, rate, seconds);
        long sent = (long) rate * seconds;
        String load = rate + " requests/s for " + seconds + " s after " + seconds + " s of warm-up"
                + failed(sent, commands.getTotalCount());
        results.add(new Figure("REST command p50 at " + rate + "/s", millis(commands.getValueAtPercentile(50)), "ms",
                millis(empty.getValueAtPercentile(50)), "health endpoint, same load", null, false, load));
        results.add(new Figure("REST command p99 at " + rate + "/s", millis(commands.getValueAtPercentile(99)), "ms",
                millis(empty.getValueAtPercentile(99)), "health endpoint, same load", TARGET_P99_MS, false, load));

        // CPU until the read models have taken the commands in too: what one command costs the whole ledger
        var cpu = CpuUse.start(target);
        Saturation saturated = closedLoop(http, command, clients, seconds);
        Settle.await(target);
        Map<String, Long> used = cpu.used();
        Saturation emptySaturated = closedLoop(http, i -> health, clients, seconds);
        results.add(new Figure("REST commands at saturation", saturated.perSecond(), "commands/s",
                emptySaturated.perSecond(), "health endpoint, same clients", TARGET_SATURATION, true,
                clients + " clients for " + seconds + " s"));
        CpuUse.report(results, used, saturated.answered(), "command", "at saturation");
    }

    /** Requests answered with 2xx, and their rate over the load. */
    private record Saturation(long answered, double perSecond) {
    }

    private static String failed(long sent, long succeeded) {
        return succeeded == sent ? "" : String.format("; %,d of %,d failed or timed out: the service did not keep up, "
                + "percentiles are of those answered", sent - succeeded, sent);
    }

    /** Latencies in microseconds of the requests answered with 2xx, each counted from when it was due. */
    private static Histogram openLoop(Http http, LongFunction<HttpRequest> request, int rate, int seconds) {
        Recorder recorder = new Recorder(3);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(http.sendAsync(request.apply(i)).whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() / 100 == 2) {
                    recorder.recordValue((System.nanoTime() - due) / 1_000);
                }
            }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException someFailed) {
            // counted by what the recorder lacks
        } catch (TimeoutException e) {
            throw new IllegalStateException("requests still unanswered after two minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Histogram histogram = recorder.getIntervalHistogram();
        if (histogram.getTotalCount() == 0) {
            throw new IllegalStateException("none of " + total + " requests succeeded");
        }
        return histogram;
    }

    private static Saturation closedLoop(Http http, LongFunction<HttpRequest> request, int clients, int seconds) {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                long i = 0;
                while (System.nanoTime() < end) {
                    if (http.send(request.apply(i++)).statusCode() / 100 == 2) {
                        done.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
                throw new IllegalStateException("clients did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Saturation(done.get(), done.get() / ((System.nanoTime() - start) / 1e9));
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }
}
