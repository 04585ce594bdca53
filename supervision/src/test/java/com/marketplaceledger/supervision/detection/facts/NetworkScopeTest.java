package com.marketplaceledger.supervision.detection.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkScopeTest {

    private static final String SQL = "SELECT count(*) FROM read_model.risk_sale WHERE merchant_id = :m AND buyer_id IN (members)";

    @Test
    void theWholeNetworkCountsEveryDistributorTheMerchantsRowsName() {
        var network = new NetworkScope("M-1", null, LocalDate.of(2026, 1, 1), ZoneOffset.UTC, 10);

        assertThat(network.members(SQL))
                .isEqualTo("SELECT count(*) FROM read_model.risk_sale WHERE merchant_id = :m AND buyer_id IS NOT NULL");
    }

    @Test
    void aBranchCountsItsRootAndItsDownline() {
        var branch = new NetworkScope("M-1", "D-7", LocalDate.of(2026, 1, 1), ZoneOffset.UTC, 10);

        assertThat(branch.members(SQL)).endsWith("buyer_id IN (SELECT CAST(:root AS VARCHAR) UNION ALL SELECT distributor_id "
                + "FROM business_facts.downline WHERE merchant_id = :m AND ancestor_id = :root)");
    }
}
