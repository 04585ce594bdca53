package com.marketplaceledger.command;

import com.marketplaceledger.command.support.LedgerApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The database can tell which service each connection serves (pg_stat_activity's application_name). */
class DatabaseConnectionsIntegrationTest extends LedgerApiTestBase {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theServiceNamesItselfOnEachOfItsConnections() {
        assertThat(jdbc.queryForObject("SELECT current_setting('application_name')", String.class)).isEqualTo("command-side");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'command-side'",
                Integer.class)).isPositive();
    }
}
