package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.Evaluator.Candidate;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleSet;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleVersion;
import com.marketplaceledger.supervision.detection.rules.Evidence;
import com.marketplaceledger.supervision.detection.rules.Finding;
import com.marketplaceledger.supervision.detection.rules.Reason;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRaiserIntegrationTest extends QuerySideIntegrationTest {

    @Autowired
    AlertRaiser raiser;

    @Autowired
    RuleCatalogue catalogue;

    @Test
    void an_alert_raised_a_second_time_is_refused_by_the_event_store_and_answered_as_raised_before() {
        RuleSet active = catalogue.active();
        RuleVersion rule = active.rules().get(0);
        String merchant = "M-raised-twice";
        var finding = new Finding("2026-01", List.of(new Measurement("people", BigDecimal.valueOf(30), "people", ">=",
                BigDecimal.valueOf(30))), new Reason("rule.CN-CRIMINAL-SCALE.reason", Map.of("people", "30", "levels", "3")),
                new Evidence(List.of("E-1"), 1));
        // what two evaluations racing each other raise, before the read model shows either alert
        var candidate = new Candidate(rule, active.version(), finding, Evaluator.alertId(rule, merchant, null, "2026-01"));
        LocalDate observedOn = LocalDate.parse("2026-01-31");

        assertThat(raiser.raise(merchant, null, observedOn, candidate)).isTrue();
        assertThat(raiser.raise(merchant, null, observedOn, candidate)).isFalse();
    }
}
