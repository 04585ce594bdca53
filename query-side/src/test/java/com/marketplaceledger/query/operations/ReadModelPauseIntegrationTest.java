package com.marketplaceledger.query.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.query.support.Walkthrough;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelPauseIntegrationTest extends QuerySideIntegrationTest {

    private static final String MERCHANT = "M-pause-1";

    @AfterEach
    void resume() {
        admin().post("/operations/processors/resume");
    }

    @Test
    void pausedReadModelsTakeInNoEventUntilResumedAndThenCatchUp() throws Exception {
        Walkthrough.record(newHistory(), MERCHANT);
        awaitDetectionSettled();

        var pause = admin().post("/operations/processors/pause");
        assertThat(pause.status()).isEqualTo(200);
        JsonNode paused = pause.body();
        Map<String, Long> before = readModels.processedPositions();
        var merchant = MerchantId.of(MERCHANT);
        var recruit = DistributorId.of("D-paused");
        newHistory().append(StreamIds.distributor(merchant, recruit),
                new DistributorEnrolled(merchant, recruit, null, List.of(), null, null, Instant.parse("2026-03-01T00:00:00Z")));
        Thread.sleep(1_000); // a running processor takes in a new event within a few hundred milliseconds

        assertThat(names(paused.path("processors"))).containsAll(readModels.processedPositions().keySet());
        assertThat(readModels.processedPositions()).isEqualTo(before);
        assertThat(api().get("/merchants/" + MERCHANT + "/distributors/D-paused").status()).isEqualTo(404);
        assertThat(api().ok("/operations/processors").path("processors"))
                .allSatisfy(processor -> assertThat(processor.path("running").asBoolean()).isFalse());

        JsonNode resumed = admin().post("/operations/processors/resume").body();
        awaitDetectionSettled();

        assertThat(names(resumed.path("processors"))).isEqualTo(names(paused.path("processors")));
        assertThat(api().get("/merchants/" + MERCHANT + "/distributors/D-paused").status()).isEqualTo(200);
    }

    /**
     * Axon's shared cache of recent events reads ahead to the head, and a processor far behind pins
     * every event it read since: 300,000 events behind a pause filled a 512 MiB heap. Each read
     * model reads its own stream instead, so there is no producer thread feeding a cache.
     */
    @Test
    void noSharedCacheReadsAheadOfTheReadModels() {
        Walkthrough.record(newHistory(), "M-pause-2");
        awaitDetectionSettled();

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("EmbeddedEventStore"));
    }

    @Test
    void resumingWhatIsNotPausedResumesNothing() {
        var answer = admin().post("/operations/processors/resume");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("processors")).isEmpty();
    }

    private static List<String> names(JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private com.marketplaceledger.query.support.QueryApi admin() {
        return api().as(TestTokens.of(LedgerRole.ADMIN));
    }
}
