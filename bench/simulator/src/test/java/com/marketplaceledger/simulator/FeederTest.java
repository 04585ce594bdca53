package com.marketplaceledger.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.simulator.FakeCommandSide.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

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

        FeedResult fed = new Feeder(commandSide.url(), 50).feed(scenario);

        Received registration = commandSide.registrations.get(0);
        JsonNode body = LedgerJson.objectMapper().readTree(registration.body());
        assertThat(registration.contentType()).isEqualTo("application/json");
        assertThat(body.path("merchantId").asText()).isEqualTo("SIM-MLM_RETAIL-1-40");
        assertThat(body.path("occurredAt").asText()).isEqualTo(scenario.start().toString());
        assertThat(commandSide.imports).allSatisfy(chunk -> {
            assertThat(chunk.path()).isEqualTo("/merchants/SIM-MLM_RETAIL-1-40/imports");
            assertThat(chunk.contentType()).isEqualTo("application/x-ndjson");
        });
        List<Integer> chunkSizes = commandSide.imports.stream().map(c -> c.body().split("\n").length).toList();
        assertThat(chunkSizes.subList(0, chunkSizes.size() - 1)).isNotEmpty().allMatch(size -> size == 50);
        assertThat(chunkSizes.get(chunkSizes.size() - 1)).isBetween(1, 50);
        assertThat(commandSide.imports.stream().flatMap(c -> c.body().lines())).containsExactlyElementsOf(commands);
        assertThat(fed.lastPosition()).isEqualTo(commands.size() + 1);
        assertThat(fed.truth()).isEqualTo(scenario.groundTruth());
    }

    @Test
    void aRefusedLineStopsTheFeedAndIsNamedWithItsProblem() {
        var scenario = Scenario.of(ScenarioKind.DEEP_TEAM_PAY, 2, 40);
        List<String> commands = Generated.of(scenario).lines().stream().skip(1).toList();
        String refusedSale = "\"saleId\":\"S-70\"";
        int refused = 1 + commands.indexOf(commands.stream().filter(l -> l.contains(refusedSale)).findFirst().orElseThrow());
        commandSide.refuseLinesContaining = refusedSale;

        assertThatThrownBy(() -> new Feeder(commandSide.url(), 20).feed(scenario))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("command " + refused + " of merchant SIM-DEEP_TEAM_PAY-2-40 was rejected")
                .hasMessageContaining("HTTP 404 unknown-listing (listingId): listing L-9 is not published")
                .hasMessageContaining(commands.get(refused - 1));
        assertThat(commandSide.imports).as("no chunk after the refused one").hasSize((refused - 1) / 20 + 1);
    }

    @Test
    void aRefusedRegistrationStopsTheFeed() {
        commandSide.registrationStatus = 409;

        assertThatThrownBy(() -> new Feeder(commandSide.url()).feed(Scenario.of(ScenarioKind.HONEST_RETAILER, 1, 20)))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("registering merchant SIM-HONEST_RETAILER-1-20 was refused: HTTP 409 already-exists");
        assertThat(commandSide.imports).isEmpty();
    }

    @Test
    void anUnreachableCommandSideIsAnError() throws IOException {
        URI nobody = closedPort();

        assertThatThrownBy(() -> new Feeder(nobody).feed(Scenario.of(ScenarioKind.HONEST_RETAILER, 1, 20)))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("cannot reach the command side at " + nobody);
    }

    static URI closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
