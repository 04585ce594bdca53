package com.marketplaceledger.axon.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The zone each jurisdiction's business days are counted in: {@code ledger.jurisdictions.<code>.zone}
 * (prefix {@code ledger}). Codes match ignoring case, as Spring binds a key given as an environment
 * variable ({@code LEDGER_JURISDICTIONS_CN_ZONE}) in lower case.
 *
 * @param jurisdictions by jurisdiction code, as merchants register it
 */
@ConfigurationProperties("ledger")
record JurisdictionZones(Map<String, Jurisdiction> jurisdictions) {

    /** @param zone where the jurisdiction's business days begin and end */
    record Jurisdiction(ZoneId zone) {
    }

    JurisdictionZones {
        var byCode = new TreeMap<String, Jurisdiction>(String.CASE_INSENSITIVE_ORDER);
        if (jurisdictions != null) {
            jurisdictions.forEach((code, jurisdiction) -> {
                if (jurisdiction != null && jurisdiction.zone() != null) {
                    byCode.put(code, jurisdiction);
                }
            });
        }
        jurisdictions = Collections.unmodifiableMap(byCode);
    }

    /**
     * The zone of a jurisdiction: its own, or for a subdivision code without one (ISO 3166-2,
     * {@code CN-ZJ}) its country's, or else {@code otherwise}.
     */
    ZoneId zoneOf(String jurisdiction, ZoneId otherwise) {
        Jurisdiction own = jurisdictions.get(jurisdiction);
        if (own != null) {
            return own.zone();
        }
        int dash = jurisdiction.indexOf('-');
        Jurisdiction country = dash > 0 ? jurisdictions.get(jurisdiction.substring(0, dash)) : null;
        return country != null ? country.zone() : otherwise;
    }
}
