package com.marketplaceledger.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The suite's load: merchants' clients that behave as a careful client must when the ledger may
 * crash under it. Each sends its commands one at a time and sends a command again, unchanged, until
 * the ledger answers it: after a refused connection, a 5xx, or a 409 saying that the same
 * Idempotency-Key is still being processed. Single-command clients send every other command with
 * an Idempotency-Key; import clients send a whole import again until every line is recorded.
 */
final class Clients {

    /** After the run has ended, how long a client may still take to have its last command answered. */
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final RunningLedger ledger;
    private final Acknowledgements acks;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private volatile Instant drainDeadline;

    Clients(RunningLedger ledger, Acknowledgements acks) {
        this.ledger = ledger;
        this.acks = acks;
    }

    /** {@code perSecond}: commands a second at most, each after the last was answered; 0 for as fast as answered. */
    void startCommandClient(Business business, int perSecond) {
        start("commands-" + business.merchant, () -> {
            setUp(business);
            long n = 0;
            long next = System.nanoTime();
            while (!stopping.get()) {
                Business.Command command = business.next();
                String key = n++ % 2 == 0 ? "fi-" + business.merchant + "-" + n : null;
                if (!deliver(command, key)) {
                    return;
                }
                if (perSecond > 0) {
                    next += 1_000_000_000L / perSecond;
                    sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                    next = Math.max(next, System.nanoTime());
                }
            }
        });
    }

    /** {@code pause}: between one import answered and the next sent. */
    void startImportClient(Business business, int lines, Duration pause) {
        start("imports-" + business.merchant, () -> {
            setUp(business);
            while (!stopping.get()) {
                List<Business.Command> batch = new ArrayList<>(lines);
                for (int i = 0; i < lines; i++) {
                    batch.add(business.next());
                }
                if (!deliverImport(business.merchant, batch)) {
                    return;
                }
                sleep(pause.toMillis());
            }
        });
    }

    /** Ends the load: each client finishes the command or import under way, then stops. */
    void stop() throws InterruptedException {
        drainDeadline = Instant.now().plus(DRAIN);
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(DRAIN.plusSeconds(30).toMillis());
        }
    }

    private void setUp(Business business) {
        for (Business.Command command : business.setup()) {
            if (!deliver(command, null)) {
                return;
            }
        }
    }

    private void start(String name, Runnable client) {
        Thread thread = new Thread(client, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** True once acknowledged; false if refused for good or given up at the end of the run. */
    private boolean deliver(Business.Command command, String key) {
        String token = ledger.merchantToken(business(command));
        var request = HttpRequest.newBuilder(ledger.commandSide.resolve(command.path())).timeout(PATIENCE)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(command.body().toString()));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return untilAnswered(request.build(), command.type() + " " + command.stream(), answer -> {
            if (key != null) {
                acks.withKey.incrementAndGet();
            }
            if (alreadyRecorded(answer.body())) {
                acks.answeredAlreadyRecorded.incrementAndGet();
            }
            acks.commands.incrementAndGet();
            acks.acknowledged(command, Instant.now());
        });
    }

    private boolean deliverImport(String merchant, List<Business.Command> batch) {
        var ndjson = new StringBuilder();
        batch.forEach(command -> ndjson.append(command.line()).append('\n'));
        var request = HttpRequest.newBuilder(ledger.commandSide.resolve("/merchants/" + merchant + "/imports"))
                .timeout(PATIENCE).header("Authorization", "Bearer " + ledger.merchantToken(merchant))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build();
        return untilAnswered(request, "import of " + batch.size() + " lines for " + merchant, answer -> {
            Instant now = Instant.now();
            for (JsonNode line : json(answer.body()).path("lines")) {
                if (line.path("alreadyRecorded").asBoolean()) {
                    acks.answeredAlreadyRecorded.incrementAndGet();
                }
            }
            batch.forEach(command -> acks.acknowledged(command, now));
            acks.importLines.addAndGet(batch.size());
        });
    }

    private interface Answered {
        void accept(HttpResponse<String> answer);
    }

    /**
     * Sends the request again until the ledger answers it for good. An import the ledger
     * interrupted (a line it could not record) is sent again whole: the lines recorded before are
     * answered as recorded, the others recorded now. A line refused is refused for good.
     */
    private boolean untilAnswered(HttpRequest request, String what, Answered answered) {
        long pause = 100;
        while (true) {
            if (stopping.get() && drainDeadline != null && Instant.now().isAfter(drainDeadline)) {
                acks.refused(what + ": still not answered when the run ended");
                return false;
            }
            try {
                HttpResponse<String> answer = ledger.send(request);
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    answered.accept(answer);
                    return true;
                }
                boolean inProgress = status == 409 && "idempotent-request-in-progress".equals(json(answer.body()).path("rule").asText());
                boolean importToSendAgain = status == 503 && "import-interrupted".equals(json(answer.body()).path("rule").asText());
                if (status < 500 && !inProgress) {
                    acks.refused(what + ": " + status + " " + answer.body());
                    return false;
                }
                if (importToSendAgain) {
                    acks.importsSentAgain.incrementAndGet();
                }
            } catch (IOException unanswered) {
                // the service is down, or went down before it answered: the same request again
            }
            acks.retries.incrementAndGet();
            sleep(pause);
            pause = Math.min(pause * 2, 1000);
        }
    }

    private static String business(Business.Command command) {
        return command.stream().split("/")[1];
    }

    private static boolean alreadyRecorded(String body) {
        return json(body).path("alreadyRecorded").asBoolean();
    }

    private static JsonNode json(String body) {
        try {
            return RunningLedger.JSON.readTree(body);
        } catch (IOException notJson) {
            return RunningLedger.JSON.createObjectNode();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
