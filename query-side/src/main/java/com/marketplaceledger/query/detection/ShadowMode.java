package com.marketplaceledger.query.detection;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/** The candidate rule set judged beside the active one, without raising alerts (none by default). */
@Component
class ShadowMode {

    private final AtomicReference<Integer> ruleSetVersion = new AtomicReference<>();

    Integer ruleSetVersion() {
        return ruleSetVersion.get();
    }

    void run(Integer version) {
        ruleSetVersion.set(version);
    }
}
