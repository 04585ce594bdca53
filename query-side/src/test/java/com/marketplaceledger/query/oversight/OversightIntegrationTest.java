package com.marketplaceledger.query.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.query.support.QueryApi;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.shared.access.LedgerRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding a read model and exporting events are on the record, with who did them. */
class OversightIntegrationTest extends QuerySideIntegrationTest {

    @Test
    void anExportIsRecordedInTheAuditTrailWithTheAuditorWhoAskedAndWhatWasAsked() {
        Instant before = Instant.now();
        QueryApi auditor = api().as(TestTokens.of("auditor.zhao", LedgerRole.AUDITOR));

        var export = auditor.send("GET", "/export?from=1&to=1", null);

        assertThat(export.status()).isEqualTo(200);
        JsonNode recorded = awaitRecorded("LedgerExported", before);
        assertThat(recorded.path("actor").asText()).isEqualTo("auditor.zhao");
        assertThat(recorded.path("actorRoles").asText()).isEqualTo("auditor");
        assertThat(recorded.path("merchantId").isNull()).isTrue();
        assertThat(recorded.path("stream").asText()).startsWith("oversight/");
        assertThat(recorded.path("payload").path("selection").asText()).isEqualTo("from=1&to=1");
        assertThat(recorded.path("payload").path("by").asText()).isEqualTo("auditor.zhao");
    }

    @Test
    void aRebuildIsRecordedInTheAuditTrailWithTheAdminWhoStartedIt() throws InterruptedException {
        Instant before = Instant.now();
        QueryApi admin = api().as(TestTokens.of("admin.chen", LedgerRole.ADMIN));

        assertThat(admin.post("/operations/read-models/genealogy/rebuild").status()).isEqualTo(202);
        awaitReplayed(admin, "genealogy");

        JsonNode recorded = awaitRecorded("ReadModelRebuildStarted", before);
        assertThat(recorded.path("actor").asText()).isEqualTo("admin.chen");
        assertThat(recorded.path("actorRoles").asText()).isEqualTo("admin");
        assertThat(recorded.path("payload").path("readModel").asText()).isEqualTo("genealogy");
        assertThat(recorded.path("payload").path("by").asText()).isEqualTo("admin.chen");
    }

    @Test
    void aRefusedRebuildIsNotRecorded() {
        long head = positions.head();

        var refused = api().as(TestTokens.of("regulator.wu", LedgerRole.REGULATOR)).post("/operations/read-models/genealogy/rebuild");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(positions.head()).isEqualTo(head);
    }

    /** The newest event of the type recorded since {@code since}, once the audit trail holds it. */
    private JsonNode awaitRecorded(String type, Instant since) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            newHistory().awaitHead();
            JsonNode page = api().ok("/audit-trail?time=recorded&size=500&from=" + since);
            List<JsonNode> found = StreamSupport.stream(page.path("items").spliterator(), false)
                    .filter(item -> item.path("type").asText().equals(type)).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + type + " in the audit trail since " + since + ": " + page);
            }
        }
    }

    private static void awaitReplayed(QueryApi api, String readModel) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (api.ok("/operations/read-models/" + readModel + "/replay").path("replaying").asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(readModel + " is still replaying");
            }
            Thread.sleep(100);
        }
    }
}
