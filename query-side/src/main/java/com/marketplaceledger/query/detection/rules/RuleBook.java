package com.marketplaceledger.query.detection.rules;

import java.util.List;

/** Every rule of the catalogue in docs/detection.md. */
public final class RuleBook {

    private static final List<DetectionRule> RULES = List.of(
            new CriminalScale());

    private RuleBook() {
    }

    public static List<DetectionRule> rules() {
        return RULES;
    }
}
