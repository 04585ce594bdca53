package com.marketplaceledger.query.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.query.QuerySideDatabase;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.ListingPublished;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamFollowingIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        QuerySideDatabase.register(registry);
    }

    @Autowired
    EventStore eventStore;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void follows_events_appended_to_the_store_up_to_its_head() throws Exception {
        var merchant = MerchantId.of("M-follow-1");
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        eventStore.publish(
                new GenericDomainEventMessage<>("Merchant", "merchant/M-follow-1", 0,
                        new MerchantRegistered(merchant, "Follow Co", "LIC-1", "CN", at)),
                new GenericDomainEventMessage<>("Listing", "listing/M-follow-1/L-1", 0,
                        new ListingPublished(merchant, ListingId.of("L-1"), "SKU-1", "Tea", Money.of(19900, "CNY"),
                                ListingKind.PRODUCT, at)));

        JsonNode position = awaitCaughtUp(Duration.ofSeconds(20));

        assertThat(position.get("head").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(position.get("processed").asLong()).isEqualTo(position.get("head").asLong());
    }

    @Test
    void reports_up_on_the_health_endpoint() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
    }

    private JsonNode awaitCaughtUp(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode position = json.readTree(get("/stream/position").body());
        while (position.get("processed").asLong() < position.get("head").asLong() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            position = json.readTree(get("/stream/position").body());
        }
        return position;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
