package com.marketplaceledger.supervision.detection.facts;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Whose facts, as of which day: a merchant's whole network, or one distributor and its downline.
 * Queries name the scope's distributors with the placeholder {@code IN (members)} and bind
 * {@code :m}, {@code :root}, {@code :asOf} (a business day), {@code :asOfEnd} (the instant that
 * day ends) and {@code :cap} (evidence kept per fact).
 */
public record NetworkScope(String merchantId, String rootId, LocalDate asOf, ZoneId zone, int cap) {

    public boolean isNetwork() {
        return rootId == null;
    }

    /**
     * For the whole network, any distributor id that a row of the merchant names is a member: the
     * command side records no sale, purchase or commission of a distributor it has not enrolled. So
     * the network needs no lookup of its members, which at a million distributors was most of a
     * judgement (and, with statistics gone stale during an import, a plan of many seconds).
     */
    public String members(String sql) {
        if (isNetwork()) {
            return sql.replace(" IN (members)", " IS NOT NULL");
        }
        return sql.replace("IN (members)", "IN (SELECT CAST(:root AS VARCHAR) UNION ALL SELECT distributor_id "
                + "FROM business_facts.downline WHERE merchant_id = :m AND ancestor_id = :root)");
    }

    public MapSqlParameterSource params() {
        Map<String, Object> values = new HashMap<>();
        values.put("m", merchantId);
        values.put("root", rootId);
        values.put("asOf", Date.valueOf(asOf));
        values.put("asOfEnd", Timestamp.from(asOf.plusDays(1).atStartOfDay(zone).toInstant()));
        values.put("cap", cap);
        return new MapSqlParameterSource(values);
    }
}
