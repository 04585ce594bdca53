package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;

import java.util.List;

/**
 * What a rule found: for a periodic rule the month (YYYY-MM), else null; the measured values
 * beside their thresholds; the reason, a sentence of the message bundles with its figures; the
 * events that prove it.
 */
public record Finding(String period, List<Measurement> measurements, Reason reason, Evidence evidence) {

    public Finding {
        measurements = List.copyOf(measurements);
    }
}
