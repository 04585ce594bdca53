package com.marketplaceledger.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.simulator.FakeCommandSide.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeederTest {

    private FakeCommandSide commandSide;

    @BeforeEach
    void start() throws IOException {
        commandSide = new FakeCommandSide();
    }

    @AfterEach
    void stop() {
        commandSide.close();
    }

    @Test
    void registersTheMerchantThenImportsItsCommandsInChunksAndAnswersTheLastPosition() throws IOException {
        var scenario = Scenario.of(ScenarioKind.MLM_RETAIL, 1, 40);
        List<String> commands = Generated.of(scenario).lines().stream().skip(1).toList();

        FeedResult fed = new Feeder(commandSide.url(), TestTokens.merchantTokens(), 50).feed(scenario);

        Received registration = commandSide.registrations.get(0);
        JsonNode body = LedgerJson.objectMapper().readTree(registration.body());
        assertThat(registration.contentType()).isEqualTo("application/json");
        assertThat(registration.tokenMerchant()).isEqualTo("SIM-MLM_RETAIL-1-40");
        assertThat(body.path("merchantId").asText()).isEqualTo("SIM-MLM_RETAIL-1-40");
        assertThat(body.path("occurredAt").asText()).isEqualTo(scenario.start().toString());
        assertThat(commandSide.imports).allSatisfy(chunk -> {
            assertThat(chunk.path()).isEqualTo("/merchants/SIM-MLM_RETAIL-1-40/imports");
            assertThat(chunk.contentType()).isEqualTo("application/x-ndjson");
            assertThat(chunk.tokenMerchant()).isEqualTo("SIM-MLM_RETAIL-1-40");
        });
        List<Integer> chunkSizes = commandSide.imports.stream().map(c -> c.body().split("\n").length).toList();
        assertThat(chunkSizes.subList(0, chunkSizes.size() - 1)).isNotEmpty().allMatch(size -> size == 50);
        assertThat(chunkSizes.get(chunkSizes.size() - 1)).isBetween(1, 50);
        assertThat(commandSide.imports.stream().flatMap(c -> c.body().lines())).containsExactlyElementsOf(commands);
        assertThat(fed.lastPosition()).isEqualTo(commands.size() + 1);
        assertThat(fed.truth()).isEqualTo(scenario.groundTruth());
        assertThat(commandSide.refused).isEmpty();
    }

    @Test
    void everyRequestCarriesABearerTokenForItsOwnMerchantAskedForOncePerScenario() {
        var asked = new ArrayList<String>();
        Function<String, String> tokens = merchantId -> {
            asked.add(merchantId);
            return TestTokens.merchantTokens().apply(merchantId);
        };
        var feeder = new Feeder(commandSide.url(), tokens, 10);

        feeder.feed(Scenario.of(ScenarioKind.MLM_RETAIL, 1, 20));
        feeder.feed(Scenario.of(ScenarioKind.ENTRY_FEE_PYRAMID, 2, 20));

        assertThat(asked).containsExactly("SIM-MLM_RETAIL-1-20", "SIM-ENTRY_FEE_PYRAMID-2-20");
        assertThat(commandSide.registrations).extracting(Received::tokenMerchant)
                .containsExactly("SIM-MLM_RETAIL-1-20", "SIM-ENTRY_FEE_PYRAMID-2-20");
        assertThat(commandSide.imports).hasSizeGreaterThan(2).allSatisfy(chunk -> {
            assertThat(chunk.authorization()).startsWith("Bearer ");
            assertThat(chunk.path()).isEqualTo("/merchants/" + chunk.tokenMerchant() + "/imports");
        });
        JsonNode claims = TestTokens.claims(commandSide.imports.get(0).authorization().substring("Bearer ".length()));
        assertThat(claims.path("roles").toString()).isEqualTo("[\"merchant\"]");
        assertThat(claims.path("aud").asText()).isEqualTo("marketplace-ledger");
        assertThat(commandSide.refused).isEmpty();
    }

    @Test
    void aTokenTheCommandSideDoesNotAcceptStopsTheFeedAndSaysWhatToCheck() {
        commandSide.trustedKey = LedgerTokens.newKeyPair().getPublic();

        assertThatThrownBy(() -> new Feeder(commandSide.url(), TestTokens.merchantTokens())
                .feed(Scenario.of(ScenarioKind.HONEST_RETAILER, 1, 20)))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("registering merchant SIM-HONEST_RETAILER-1-20 was refused: HTTP 401 invalid-token: "
                        + "the bearer token was refused")
                .hasMessageContaining("the command side did not accept the token for merchant SIM-HONEST_RETAILER-1-20")
                .hasMessageContaining("data/keys/signing-key.pem");
        assertThat(commandSide.registrations).isEmpty();
        assertThat(commandSide.refused).hasSize(1);
    }

    @Test
    void aTokenForAnotherMerchantIsRefusedAs403OrAsAnUnknownMerchant() {
        Function<String, String> wrong = merchantId -> TestTokens.merchantTokens().apply("M-OTHER");
        var scenario = Scenario.of(ScenarioKind.HONEST_RETAILER, 1, 20);

        assertThatThrownBy(() -> new Feeder(commandSide.url(), wrong).feed(scenario))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("registering merchant SIM-HONEST_RETAILER-1-20 was refused: HTTP 403 other-merchant")
                .hasMessageContaining("the token for merchant SIM-HONEST_RETAILER-1-20 may not do this");

        commandSide.registrationOwnershipChecked = false;
        assertThatThrownBy(() -> new Feeder(commandSide.url(), wrong).feed(scenario))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("of merchant SIM-HONEST_RETAILER-1-20 failed: HTTP 404 unknown-merchant (merchantId): "
                        + "merchant SIM-HONEST_RETAILER-1-20 is not registered")
                .hasMessageContaining("the command side does not know merchant SIM-HONEST_RETAILER-1-20 for this token");
        assertThat(commandSide.imports).isEmpty();
    }

    @Test
    void aMerchantWithoutATokenIsNotFed() {
        assertThatThrownBy(() -> new Feeder(commandSide.url(), merchantId -> null)
                .feed(Scenario.of(ScenarioKind.HONEST_RETAILER, 1, 20)))
                .isInstanceOf(FeedException.class)
                .hasMessage("no token for merchant SIM-HONEST_RETAILER-1-20");
        assertThat(commandSide.registrations).isEmpty();
        assertThat(commandSide.refused).isEmpty();
    }

    @Test
    void aRefusedLineStopsTheFeedAndIsNamedWithItsProblem() {
        var scenario = Scenario.of(ScenarioKind.DEEP_TEAM_PAY, 2, 40);
        List<String> commands = Generated.of(scenario).lines().stream().skip(1).toList();
        String refusedSale = "\"saleId\":\"S-70\"";
        int refused = 1 + commands.indexOf(commands.stream().filter(l -> l.contains(refusedSale)).findFirst().orElseThrow());
        commandSide.refuseLinesContaining = refusedSale;

        assertThatThrownBy(() -> new Feeder(commandSide.url(), TestTokens.merchantTokens(), 20).feed(scenario))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("command " + refused + " of merchant SIM-DEEP_TEAM_PAY-2-40 was rejected")
                .hasMessageContaining("HTTP 404 unknown-listing (listingId): listing L-9 is not published")
                .hasMessageContaining(commands.get(refused - 1));
        assertThat(commandSide.imports).as("no chunk after the refused one").hasSize((refused - 1) / 20 + 1);
    }

    @Test
    void aRefusedRegistrationStopsTheFeed() {
        commandSide.registrationStatus = 409;

        assertThatThrownBy(() -> new Feeder(commandSide.url(), TestTokens.merchantTokens()).feed(Scenario.of(ScenarioKind.HONEST_RETAILER, 1, 20)))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("registering merchant SIM-HONEST_RETAILER-1-20 was refused: HTTP 409 already-exists");
        assertThat(commandSide.imports).isEmpty();
    }

    @Test
    void anUnreachableCommandSideIsAnError() throws IOException {
        URI nobody = closedPort();

        assertThatThrownBy(() -> new Feeder(nobody, TestTokens.merchantTokens()).feed(Scenario.of(ScenarioKind.HONEST_RETAILER, 1, 20)))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("cannot reach the command side at " + nobody);
    }

    static URI closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
