package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.axon.web.Paging;
import com.marketplaceledger.axon.web.QueryRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.TreeSet;
import java.util.Map;
import java.util.Set;

@RestController
@Tag(name = "Alerts", description = "Alerts raised by the detection rules, with their evidence, and networks ranked by risk")
class AlertsController {

    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW");
    private static final Set<String> CATEGORIES = Set.of("PYRAMID_INDICATOR", "COMPLIANCE", "SAFEGUARD");

    private final Alerts alerts;

    AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alerts, newest first, filtered by merchant, rule, severity, status (OPEN, IN_CASE, CLOSED) or category")
    Paging.Page<Alerts.Alert> list(@RequestParam(required = false) String merchantId,
                                   @RequestParam(required = false) String ruleId,
                                   @RequestParam(required = false) String severity,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String category,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        oneOf("severity", severity, SEVERITIES);
        oneOf("status", status, Alerts.STATUSES);
        oneOf("category", category, CATEGORIES);
        return alerts.list(new Alerts.Filter(merchantId, ruleId, severity, status, category), Paging.of(page, size));
    }

    @GetMapping("/alerts/{alertId}")
    @Operation(summary = "One alert: rule version, measured values beside thresholds, reason, and its evidence events "
            + "as the audit trail holds them")
    Alerts.AlertDetail detail(@PathVariable String alertId) {
        return alerts.detail(alertId);
    }

    @GetMapping("/networks/risk")
    @Operation(summary = "Networks ranked by their alerts not yet closed (critical 100, high 10, medium 3, low 1)")
    Paging.Page<Alerts.NetworkRisk> ranking(@RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        return alerts.ranking(Paging.of(page, size));
    }

    private static void oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw QueryRefused.badParameter(field, "not-among", Map.of("value", value, "allowed", new TreeSet<>(allowed)));
        }
    }
}
