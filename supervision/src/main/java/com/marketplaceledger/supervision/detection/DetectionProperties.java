package com.marketplaceledger.supervision.detection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Detection settings (prefix {@code ledger.detection}).
 *
 * @param enabled     whether networks are judged continuously as events arrive
 * @param interval    how often the continuous evaluation looks for networks with new events
 * @param maxEvidence how many evidence event ids a fact keeps (alerts also say how many there are)
 * @param restFactor  after a judgement that took t, a network is judged again no sooner than
 *                    restFactor × t later ({@link JudgementPacing}); 0 judges at every round
 * @param thresholds  per rule id, thresholds that differ from the catalogue's; a change makes a
 *                    new rule version at the next start
 * @param signals     per jurisdiction, other jurisdictions' rule ids shown as signals to its
 *                    merchants' judgements; a change makes a new rule set at the next start
 * @param maxBacktests how many backtest jobs may run at once (each takes a thread of the
 *                    application's task executor, which answers requests' side reads too)
 * @param defaultJurisdiction the jurisdiction whose rules judge a merchant whose own jurisdiction
 *                    has no rules in the rule set (CN: the ledger's first users are China's
 *                    market regulators); every judgement says when it was used
 */
@ConfigurationProperties("ledger.detection")
public record DetectionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("100") int maxEvidence,
        @DefaultValue("4") int restFactor,
        Map<String, Map<String, BigDecimal>> thresholds,
        Map<String, List<String>> signals,
        @DefaultValue("2") int maxBacktests,
        @DefaultValue("CN") String defaultJurisdiction) {

    public DetectionProperties {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }
}
