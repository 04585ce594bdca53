package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleSet;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleVersion;
import com.marketplaceledger.supervision.detection.rules.Finding;
import com.marketplaceledger.supervision.detection.facts.FactsLoader;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.supervision.readside.BusinessDirectory;
import com.marketplaceledger.supervision.readside.BusinessDirectory.RegisteredMerchant;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Judges one network as of one day by the rules a rule set gives its merchant's jurisdiction, and
 * by the other jurisdictions' rules the set adds as signals.
 */
@Component
class Evaluator {

    /** A finding of one rule version, with the id its alert has (or would have). */
    record Candidate(RuleVersion rule, int ruleSetVersion, Finding finding, AlertId alertId) {
    }

    /**
     * @param judgedUnder           the jurisdiction whose rules judged the network
     * @param jurisdictionDefaulted the merchant's own jurisdiction has no rules in the set, so the
     *                              configured default judged it
     * @param findings              what those rules found: the only findings that raise alerts
     * @param signals               what other jurisdictions' rules, added as signals, found: shown, never alerted
     */
    record Judged(String judgedUnder, boolean jurisdictionDefaulted, List<Candidate> findings, List<Candidate> signals) {
    }

    private final FactsLoader facts;
    private final BusinessDirectory directory;
    private final String defaultJurisdiction;

    Evaluator(FactsLoader facts, BusinessDirectory directory, DetectionProperties properties) {
        this.facts = facts;
        this.directory = directory;
        this.defaultJurisdiction = properties.defaultJurisdiction();
    }

    Judged evaluate(NetworkFacts network, RuleSet ruleSet) {
        // events without a registration (none the command side records) are judged under the default
        String declared = directory.merchant(network.merchantId()).map(RegisteredMerchant::jurisdiction).orElse(null);
        String judgedUnder = judgedUnder(declared, ruleSet, defaultJurisdiction);
        boolean defaulted = !judgedUnder.equals(country(declared));
        return new Judged(judgedUnder, defaulted, candidates(network, ruleSet, ruleSet.rulesFor(judgedUnder)),
                candidates(network, ruleSet, ruleSet.signalsFor(judgedUnder)));
    }

    /**
     * The merchant's jurisdiction as the rule set knows it: a subdivision (CN-ZJ) is judged by its
     * country's law, case aside; one the set has no rules for, by the default.
     */
    static String judgedUnder(String declared, RuleSet ruleSet, String defaultJurisdiction) {
        String country = country(declared);
        return ruleSet.rulesFor(country).isEmpty() ? defaultJurisdiction : country;
    }

    private static String country(String jurisdiction) {
        String code = jurisdiction == null ? "" : jurisdiction.strip().toUpperCase(Locale.ROOT);
        int dash = code.indexOf('-');
        return dash < 0 ? code : code.substring(0, dash);
    }

    private static List<Candidate> candidates(NetworkFacts network, RuleSet ruleSet, List<RuleVersion> rules) {
        return rules.stream()
                .flatMap(rule -> rule.rule().evaluate(network, rule.thresholds()).stream()
                        .map(finding -> new Candidate(rule, ruleSet.version(), finding,
                                alertId(rule, network.merchantId(), network.subtreeRootId(), finding.period()))))
                .toList();
    }

    LocalDate liveDay(String merchantId, LocalDate today) {
        return facts.liveDay(merchantId, today);
    }

    NetworkFacts facts(String merchantId, String subtreeRootId, LocalDate asOf) {
        return facts.load(merchantId, subtreeRootId, asOf);
    }

    /**
     * What makes an alert unique (rule, rule version, subject, period) hashed into its id, so the
     * event store's uniqueness of stream and sequence refuses a second alert for the same finding.
     */
    static AlertId alertId(RuleVersion rule, String merchantId, String subtreeRootId, String period) {
        String key = String.join("|", rule.ruleId(), String.valueOf(rule.version()), merchantId,
                subtreeRootId == null ? "" : subtreeRootId, period == null ? "" : period);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return AlertId.of("A-" + HexFormat.of().formatHex(hash, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
