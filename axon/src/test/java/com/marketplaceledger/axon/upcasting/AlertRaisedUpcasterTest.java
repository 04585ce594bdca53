package com.marketplaceledger.axon.upcasting;

import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.detection.AlertRaised;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the AlertRaised payloads pinned by the published language's contract (shared-events' contract/). */
class AlertRaisedUpcasterTest {

    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(LedgerJson.objectMapper()).build();
    private static final String SENTENCE =
            "31 people in 4 levels, counting the organiser, joined a network that charges entry fees or pays per recruit";

    @Test
    void aRevisionOneAlertReadsAsRevisionTwoWithItsSentenceWordForWordAsTheLegacyReason() {
        IntermediateEventRepresentation read = upcast(stored("AlertRaised.v1.json", "1"));

        assertThat(read.getType().getRevision()).isEqualTo("2");
        AlertRaised alert = SERIALIZER.deserialize(read.getData());
        assertThat(alert.reasonCode()).isEqualTo(AlertRaised.LEGACY_REASON).isEqualTo("reason.legacy");
        assertThat(alert.reasonArguments()).isEqualTo(Map.of(AlertRaised.LEGACY_SENTENCE, SENTENCE));
        // the rest of the alert reads as it was stored
        assertThat(alert.alertId().value()).isEqualTo("A-5c1f0e93b2d47a6e8f10");
        assertThat(alert.ruleId()).isEqualTo("CN-CRIMINAL-SCALE");
        assertThat(alert.observedOn()).isEqualTo(LocalDate.parse("2025-03-31"));
        assertThat(alert.measurements()).extracting(m -> m.name()).containsExactly("people", "levels", "joiningFeesPaid");
        assertThat(alert.evidenceEventIds()).containsExactly("0b8e5f0c-8f2a-4f57-9d3e-6f1c2a7d9b01",
                "4d2c7a10-3b6e-4e8f-a1c9-2b7d5e8f0a13");
        assertThat(alert.evidenceTotal()).isEqualTo(61);
        assertThat(alert.occurredAt()).isEqualTo(Instant.parse("2025-04-01T00:05:00Z"));
    }

    @Test
    void aRevisionTwoAlertPassesUntouched() {
        IntermediateEventRepresentation stored = stored("AlertRaised.v2.json", "2");

        IntermediateEventRepresentation read = upcast(stored);

        assertThat(read).isSameAs(stored);
        AlertRaised alert = SERIALIZER.deserialize(read.getData());
        assertThat(alert.reasonCode()).isEqualTo("rule.CN-CRIMINAL-SCALE.reason");
        assertThat(alert.reasonArguments()).isEqualTo(Map.of("people", "31", "levels", "4"));
    }

    private static IntermediateEventRepresentation upcast(IntermediateEventRepresentation stored) {
        List<IntermediateEventRepresentation> read = new AlertRaisedUpcaster().upcast(Stream.of(stored)).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private static IntermediateEventRepresentation stored(String file, String revision) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Alert", "alert:M-hz-001:A-5c1f0e93b2d47a6e8f10",
                0, "6f1c2a7d-0000-4000-8000-000000000001", Instant.parse("2025-04-01T00:05:00Z"),
                AlertRaised.class.getName(), revision, contract(file), "{}".getBytes(StandardCharsets.UTF_8)), SERIALIZER);
    }

    private static byte[] contract(String file) {
        try (InputStream in = AlertRaisedUpcasterTest.class.getResourceAsStream("/contract/" + file)) {
            assertThat(in).as("contract file %s of shared-events' tests", file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
