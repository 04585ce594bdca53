package com.marketplaceledger.shared.detection;

/** How urgently a regulator should look: criminal thresholds are critical. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
