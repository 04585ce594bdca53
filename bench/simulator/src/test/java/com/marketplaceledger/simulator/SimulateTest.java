package com.marketplaceledger.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.simulator.FakeCommandSide.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheOptionsAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--kind", "--all-kinds", "--seed", "--seeds", "--size", "--months", "--url",
                "--out", "--signing-key", "data/keys/signing-key.pem", "DEEP_TEAM_PAY", "http://localhost:");
    }

    @Test
    void writesAScenarioAsNdjsonAndPrintsItsGroundTruth() throws IOException {
        Path file = directory.resolve("branch.ndjson");

        assertThat(run("--kind", "BRANCH_STAKE", "--seed", "3", "--size", "30", "--out", file.toString())).isZero();

        assertThat(Files.readAllLines(file)).isEqualTo(Generated.of(ScenarioKind.BRANCH_STAKE, 3, 30).lines());
        JsonNode summary = json(out.toString().strip());
        assertThat(summary.path("merchantId").asText()).isEqualTo("SIM-BRANCH_STAKE-3-30");
        assertThat(summary.path("pyramid").asBoolean()).isTrue();
        assertThat(summary.path("people").asInt()).isEqualTo(31);
        assertThat(summary.path("expectedRules").toString()).contains("CN-ENTRY-FEE", "CN-CRIMINAL-SCALE");
    }

    @Test
    void everyKindAndSeveralSeedsGoOneAfterAnother() throws IOException {
        Path file = directory.resolve("all.ndjson");

        assertThat(run("--all-kinds", "--seed", "5", "--seeds", "2", "--size", "20", "--months", "2",
                "--out", file.toString())).isZero();

        assertThat(Files.readAllLines(file)).filteredOn(line -> line.startsWith("{\"type\":\"RegisterMerchant\""))
                .hasSize(ScenarioKind.values().length * 2);
        List<String> merchants = out.toString().lines().map(line -> json(line).path("merchantId").asText()).toList();
        assertThat(merchants).hasSize(ScenarioKind.values().length * 2).contains("SIM-HONEST_RETAILER-5-20-M2", "SIM-REFUND_REFUSING-6-20-M2");
    }

    @Test
    void feedsTheCommandSideAndPrintsTheLastPosition() throws IOException {
        try (var commandSide = new FakeCommandSide()) {
            assertThat(run("--kind", "MLM_RETAIL", "--size", "20", "--url", commandSide.url().toString(),
                    "--signing-key", TestTokens.writeSigningKey(directory).toString())).isZero();

            JsonNode summary = json(out.toString().strip());
            assertThat(summary.path("lastPosition").asLong()).isEqualTo(summary.path("commands").asLong() + 1);
            assertThat(commandSide.registrations).hasSize(1);
        }
    }

    @Test
    void eachMerchantIsFedWithADayLongTokenForItselfSignedWithTheSigningKey() throws IOException {
        try (var commandSide = new FakeCommandSide()) {
            assertThat(run("--kind", "HONEST_RETAILER", "--seeds", "2", "--size", "20", "--url", commandSide.url().toString(),
                    "--signing-key", TestTokens.writeSigningKey(directory).toString())).as("%s", err).isZero();

            assertThat(commandSide.refused).isEmpty();
            assertThat(commandSide.registrations).extracting(Received::tokenMerchant)
                    .containsExactly("SIM-HONEST_RETAILER-1-20", "SIM-HONEST_RETAILER-2-20");
            assertThat(commandSide.imports).isNotEmpty().allSatisfy(chunk ->
                    assertThat(chunk.path()).isEqualTo("/merchants/" + chunk.tokenMerchant() + "/imports"));
            JsonNode claims = TestTokens.claims(commandSide.registrations.get(0).authorization().substring("Bearer ".length()));
            assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(Duration.ofDays(1).toSeconds());
            assertThat(claims.path("roles").toString()).isEqualTo("[\"merchant\"]");
        }
    }

    @Test
    void feedingWithoutASigningKeyIsAUsageErrorThatSaysWhereToGetOne() throws IOException {
        try (var commandSide = new FakeCommandSide()) {
            Path missing = directory.resolve("keys/signing-key.pem");

            assertThat(run("--kind", "MLM_RETAIL", "--url", commandSide.url().toString(), "--signing-key", missing.toString()))
                    .isEqualTo(2);

            assertThat(err.toString()).startsWith("no signing key at " + missing
                    + ": start the ledger with ./ledger up, which makes one, or pass --signing-key");
            assertThat(commandSide.registrations).isEmpty();
            assertThat(commandSide.refused).isEmpty();
        }
    }

    @Test
    void aSigningKeyThatIsNoKeyIsAUsageError() throws IOException {
        Path notAKey = Files.writeString(directory.resolve("signing-key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n");

        assertThat(run("--kind", "MLM_RETAIL", "--url", "http://127.0.0.1:1", "--signing-key", notAKey.toString())).isEqualTo(2);

        assertThat(err.toString()).startsWith("cannot read the signing key at " + notAKey + ": ")
                .contains("is not a PKCS#8 PEM RSA private key");
    }

    @Test
    void writingToAFileNeedsNoSigningKey() {
        Path file = directory.resolve("retail.ndjson");

        assertThat(run("--kind", "HONEST_RETAILER", "--size", "20", "--out", file.toString(),
                "--signing-key", directory.resolve("none.pem").toString())).isZero();

        assertThat(file).exists();
    }

    @Test
    void aTokenTheCommandSideRefusesExitsWithOneAndSaysWhatToCheck() throws IOException {
        try (var commandSide = new FakeCommandSide()) {
            commandSide.trustedKey = LedgerTokens.newKeyPair().getPublic();

            assertThat(run("--kind", "MLM_RETAIL", "--size", "20", "--url", commandSide.url().toString(),
                    "--signing-key", TestTokens.writeSigningKey(directory).toString())).isEqualTo(1);

            assertThat(err.toString()).startsWith("simulate: registering merchant SIM-MLM_RETAIL-1-20 was refused: "
                            + "HTTP 401 invalid-token: the bearer token was refused")
                    .contains("did not accept the token for merchant SIM-MLM_RETAIL-1-20")
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--kind", "MLM_RETAIL", "--all-kinds")).isEqualTo(2);
        assertThat(run("--kind", "PONZI")).isEqualTo(2);
        assertThat(run("--kind", "MLM_RETAIL", "--seeds", "0")).isEqualTo(2);
        assertThat(run("--kind", "MLM_RETAIL", "--size", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("size must be at least 20");
    }

    @Test
    void aFailedFeedExitsWithOneAndSaysWhy() throws IOException {
        assertThat(run("--kind", "MLM_RETAIL", "--url", FeederTest.closedPort().toString(),
                "--signing-key", TestTokens.writeSigningKey(directory).toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("simulate: cannot reach the command side");
    }

    private int run(String... args) {
        CommandLine commandLine = Simulate.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private static JsonNode json(String text) {
        try {
            return LedgerJson.objectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
