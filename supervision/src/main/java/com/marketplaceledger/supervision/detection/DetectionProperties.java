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
 * @param gate        how gates are found from behaviour ({@link Gate})
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
        @DefaultValue("CN") String defaultJurisdiction,

        @DefaultValue Gate gate) {

    public DetectionProperties {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }

    /**
     * A listing recruits buy on joining is a gate whatever its declared kind (prefix {@code
     * ledger.detection.gate}). How much uptake makes one is each rule's threshold, versioned with it;
     * the window shapes the facts themselves, and every finding on a gate shows it.
     *
     * @param windowDays days after its enrolment within which a recruit's purchase counts as bought on
     *                   joining: a kit bought as the price of entry is bought in the first days, and a
     *                   week leaves room for the sponsor's paperwork
     */
    public record Gate(@DefaultValue("7") int windowDays) {
    }
}
