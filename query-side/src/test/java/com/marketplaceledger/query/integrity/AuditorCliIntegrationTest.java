package com.marketplaceledger.query.integrity;

import com.marketplaceledger.cli.Auditor;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's command line against the running query side: a tampered row is named by its position. */
class AuditorCliIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    record Run(int exitCode, String out) {
    }

    @Test
    void aChangedRowIsReportedAtItsPositionByTheCliFromTheStoreAndFromAnExport() throws IOException {
        long position = appendSealed(3);
        String url = "http://localhost:" + port;
        // the auditor's token, as ./ledger up writes it (data/tokens/auditor.jwt)
        String token = Files.writeString(directory.resolve("auditor.jwt"), TestTokens.of(LedgerRole.AUDITOR)).toString();
        byte[] original = jdbc.queryForObject("SELECT payload FROM axon.domain_event_entry WHERE global_index = ?",
                byte[].class, position);
        Path export = directory.resolve("ledger.ndjson");
        try {
            triggers(false);
            jdbc.update("UPDATE axon.domain_event_entry SET payload = ? WHERE global_index = ?",
                    "{\"name\":\"Forged Co\"}".getBytes(StandardCharsets.UTF_8), position);

            Run store = run("verify", "--url", url, "--token-file", token);
            assertThat(store.exitCode()).as(store.out()).isEqualTo(Auditor.BROKEN);
            assertThat(store.out()).contains("BROKEN at position " + position);

            assertThat(run("export", "--url", url, "--token-file", token, "--out", export.toString(),
                "--to", String.valueOf(position)).exitCode())
                    .isEqualTo(Auditor.VERIFIED);
            Run file = run("verify", "--file", export.toString());
            assertThat(file.exitCode()).as(file.out()).isEqualTo(Auditor.BROKEN);
            assertThat(file.out()).contains("BROKEN at position " + position);
        } finally {
            jdbc.update("UPDATE axon.domain_event_entry SET payload = ? WHERE global_index = ?", original, position);
            triggers(true);
        }
        assertThat(run("verify", "--url", url, "--token-file", token).exitCode()).isEqualTo(Auditor.VERIFIED);
        assertThat(run("export", "--url", url, "--token-file", token, "--out", export.toString(),
                "--to", String.valueOf(position)).exitCode())
                .isEqualTo(Auditor.VERIFIED);
        assertThat(run("verify", "--file", export.toString()).exitCode()).isEqualTo(Auditor.VERIFIED);
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        int exitCode = Auditor.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(args);
        return new Run(exitCode, out.toString());
    }

    /** Appends {@code count} merchants and waits until the last is sealed; answers the middle one's position. */
    private long appendSealed(int count) {
        var history = newHistory();
        long[] positions = new long[count];
        for (int i = 0; i < count; i++) {
            String id = "M-cli-" + UUID.randomUUID().toString().substring(0, 8);
            positions[i] = history.append("merchant/" + id, new MerchantRegistered(MerchantId.of(id), "Cli Co", "LIC-C", "CN", AT));
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (StoredRows.head(jdbc).position() < positions[count - 1]) {
            assertThat(Instant.now()).as("sealed up to %d", positions[count - 1]).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        // every read model reads the event table itself: once they hold these events, the test's
        // change to a row reaches the event table only, not a read model that happens to read it then
        history.awaitHead();
        return positions[count / 2];
    }

    private void triggers(boolean enabled) {
        jdbc.execute("ALTER TABLE axon.domain_event_entry " + (enabled ? "ENABLE" : "DISABLE") + " TRIGGER USER");
    }
}
