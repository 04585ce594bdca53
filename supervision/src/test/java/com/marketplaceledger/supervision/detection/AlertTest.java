package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.shared.detection.RaiseAlert;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert aggregate: its creation is its AlertRaised. */
class AlertTest {

    private static final AlertRaised RAISED = new AlertRaised(MerchantId.of("M-1"), AlertId.of("A-scale"),
            "CN-CRIMINAL-SCALE", 1, 1, Severity.CRITICAL, RuleCategory.PYRAMID_INDICATOR, null, null,
            LocalDate.parse("2026-01-31"),
            List.of(new Measurement("people", BigDecimal.valueOf(30), "people", ">=", BigDecimal.valueOf(30))),
            "rule.CN-CRIMINAL-SCALE.reason", Map.of("people", "30", "levels", "3"), List.of("E-1"), 1, Instant.parse("2026-02-01T00:00:00Z"));

    private AggregateTestFixture<Alert> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
    }

    @Test
    void raising_an_alert_records_the_alert_as_built_as_the_first_event_of_its_stream() {
        fixture.givenNoPriorActivity()
                .when(new RaiseAlert(RAISED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(RAISED)
                .expectState(alert -> assertThat(fixture.getEventStore().readEvents(StreamIds.alert(RAISED.merchantId(), "A-scale"))
                        .asStream().count()).isEqualTo(1));
    }

    @Test
    void a_second_raise_of_the_same_alert_creates_no_second_stream() {
        fixture.given(RAISED)
                .when(new RaiseAlert(RAISED))
                .expectException(EventStoreException.class)
                .expectNoEvents();
    }
}
