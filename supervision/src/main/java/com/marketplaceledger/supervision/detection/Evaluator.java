package com.marketplaceledger.supervision.detection;

import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleSet;
import com.marketplaceledger.supervision.detection.RuleCatalogue.RuleVersion;
import com.marketplaceledger.supervision.detection.rules.Finding;
import com.marketplaceledger.supervision.detection.facts.FactsLoader;
import com.marketplaceledger.supervision.detection.rules.NetworkFacts;
import com.marketplaceledger.shared.detection.AlertId;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/** Judges one network as of one day by every rule of a rule set. */
@Component
class Evaluator {

    /** A finding of one rule version, with the id its alert has (or would have). */
    record Candidate(RuleVersion rule, int ruleSetVersion, Finding finding, AlertId alertId) {
    }

    private final FactsLoader facts;

    Evaluator(FactsLoader facts) {
        this.facts = facts;
    }

    List<Candidate> evaluate(NetworkFacts network, RuleSet ruleSet) {
        return ruleSet.rules().stream()
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
