package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;

import java.util.List;

/**
 * What a rule found: for a periodic rule the month (YYYY-MM), else null; the measured values
 * beside their thresholds; one sentence a regulator can read; the events that prove it.
 */
public record Finding(String period, List<Measurement> measurements, String reason, Evidence evidence) {

    public Finding {
        measurements = List.copyOf(measurements);
    }
}
