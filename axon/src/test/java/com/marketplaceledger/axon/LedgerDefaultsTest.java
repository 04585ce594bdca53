package com.marketplaceledger.axon;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerDefaultsTest {

    @Test
    void without_configuration_both_services_use_the_embedded_database_and_no_axon_server() {
        StandardEnvironment environment = environmentWith(Map.of());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:54329/postgres");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("axon.update-check.disabled")).isEqualTo("true");
    }

    @Test
    void both_services_send_batched_inserts_as_multi_row_inserts() {
        StandardEnvironment environment = environmentWith(Map.of());

        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts"))
                .isEqualTo("true");
    }

    @Test
    void message_handlers_run_without_axons_per_invocation_timeout_wrapper() {
        StandardEnvironment environment = environmentWith(Map.of());

        for (String handlers : new String[]{"commands", "events", "queries"}) {
            assertThat(environment.getProperty("axon.timeout.handler." + handlers + ".timeout-ms")).isEqualTo("-1");
            assertThat(environment.getProperty("axon.timeout.handler." + handlers + ".warning-threshold-ms")).isEqualTo("-1");
        }
        assertThat(environment.getProperty("axon.timeout.transaction.event-processors.timeout-ms")).isNull();
    }

    @Test
    void ledger_db_variables_point_both_services_at_another_postgresql() {
        StandardEnvironment environment = environmentWith(Map.of(
                "LEDGER_DB_URL", "jdbc:postgresql://db.internal:5432/ledger",
                "LEDGER_DB_USER", "ledger",
                "LEDGER_DB_PASSWORD", "from-the-environment"));

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:5432/ledger");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("ledger");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("from-the-environment");
    }

    @Test
    void any_ordinary_property_source_overrides_a_default() {
        StandardEnvironment environment = environmentWith(Map.of(
                "spring.datasource.url", "jdbc:postgresql://replica:5432/ledger",
                "axon.axonserver.enabled", "true"));

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://replica:5432/ledger");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("true");
    }

    private static StandardEnvironment environmentWith(Map<String, Object> given) {
        StandardEnvironment environment = new StandardEnvironment();
        // the machine's own LEDGER_DB_* variables must not decide the outcome
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("given", given));
        new LedgerDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
