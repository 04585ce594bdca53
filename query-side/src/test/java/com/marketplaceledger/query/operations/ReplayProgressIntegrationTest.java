package com.marketplaceledger.query.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.LedgerHistory;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.Walkthrough;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayProgressIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant AT = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void aReplayUnderConcurrentLoadReportsItsProgressAndEndsWithTheChecksumOfAFreshRebuild() throws Exception {
        Walkthrough.record(newHistory(), "M-replay-1");
        awaitDetectionSettled();
        String before = checksum("genealogy");

        assertThat(api().post("/operations/read-models/genealogy/rebuild").status()).isEqualTo(202);
        // new enrolments recorded while the read model replays
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> enrolUnderLoad(newHistory(), "M-replay-load", 150));
        JsonNode during = api().ok("/operations/read-models/genealogy/replay");
        assertThat(during.path("targetPosition").asLong()).isPositive();
        assertThat(during.path("startedAt").isTextual()).isTrue();
        JsonNode done = awaitReplayed("genealogy");
        load.get();
        awaitDetectionSettled();

        assertThat(done.path("replaying").asBoolean()).isFalse();
        assertThat(done.path("percent").decimalValue()).isEqualByComparingTo("100");
        assertThat(done.path("eventsDone").asLong()).isEqualTo(done.path("targetPosition").asLong());
        assertThat(done.path("secondsLeft").asLong()).isZero();
        assertThat(Instant.parse(done.path("finishedAt").asText())).isAfterOrEqualTo(Instant.parse(done.path("startedAt").asText()));
        assertThat(done.path("checksum").path("tables").path("distributor").path("rows").asLong()).isPositive();
        String afterLoad = checksum("genealogy");
        assertThat(afterLoad).as("the enrolments recorded during the replay are in the read model").isNotEqualTo(before);
        assertThat(api().post("/operations/read-models/genealogy/rebuild").status()).isEqualTo(202);
        JsonNode fresh = awaitReplayed("genealogy");
        assertThat(checksum("genealogy")).isEqualTo(afterLoad);
        assertThat(fresh.path("checksum").path("checksum").asText()).isEqualTo(afterLoad);
    }

    @Test
    void aClientThatOnlyWaitsForTheReplayCanLeaveTheChecksumOut() throws Exception {
        Walkthrough.record(newHistory(), "M-replay-2");
        awaitDetectionSettled();
        assertThat(api().post("/operations/read-models/casework/rebuild").status()).isEqualTo(202);
        JsonNode done = awaitReplayed("casework");

        JsonNode without = api().ok("/operations/read-models/casework/replay?checksum=false");

        assertThat(without.path("replaying").asBoolean()).isFalse();
        assertThat(without.path("finishedAt").asText()).isEqualTo(done.path("finishedAt").asText());
        assertThat(without.path("checksum").isNull()).isTrue();
        assertThat(done.path("checksum").path("checksum").asText()).isEqualTo(checksum("casework"));
        var notABoolean = api().get("/operations/read-models/casework/replay?checksum=perhaps");
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(notABoolean.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownReadModelHasNoReplayOrChecksum() {
        assertThat(api().get("/operations/read-models/no-such-model/replay").status()).isEqualTo(404);
        assertThat(api().get("/operations/read-models/no-such-model/checksum").status()).isEqualTo(404);
    }

    private static void enrolUnderLoad(LedgerHistory history, String merchant, int distributors) {
        var m = MerchantId.of(merchant);
        history.append(StreamIds.merchant(m), new MerchantRegistered(m, merchant, "LIC-" + merchant, "CN", AT));
        for (int i = 0; i < distributors; i++) {
            var d = DistributorId.of("D-" + i);
            history.append(StreamIds.distributor(m, d), new DistributorEnrolled(m, d, null, List.of(), null, null,
                    AT.plusSeconds(i)));
        }
    }

    private String checksum(String processor) {
        return api().ok("/operations/read-models/" + processor + "/checksum").path("checksum").asText();
    }

    private JsonNode awaitReplayed(String processor) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode progress = api().ok("/operations/read-models/" + processor + "/replay");
            if (!progress.path("replaying").asBoolean()) {
                return progress;
            }
            assertThat(Instant.now()).as("replay of %s still running: %s", processor, progress).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
