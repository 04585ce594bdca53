package com.marketplaceledger.axon;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults every ledger service shares, at the lowest precedence so that application properties,
 * environment variables and command-line arguments override them.
 */
public class LedgerDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // The embedded database the launcher starts; LEDGER_DB_* point elsewhere.
            Map.entry("spring.datasource.url", "${LEDGER_DB_URL:jdbc:postgresql://localhost:54329/postgres}"),
            Map.entry("spring.datasource.username", "${LEDGER_DB_USER:postgres}"),
            Map.entry("spring.datasource.password", "${LEDGER_DB_PASSWORD:}"),
            // A JDBC batch of INSERTs (read model rows, an event's stream) goes to PostgreSQL as
            // multi-row INSERTs instead of one statement execution per row.
            Map.entry("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true"),
            // pg_stat_activity names the service of each connection (what an operator, or the
            // ingestion benchmark's CPU shares, needs to tell them apart).
            Map.entry("spring.datasource.hikari.data-source-properties.ApplicationName", "${spring.application.name:marketplace-ledger}"),
            // Without a server the connector fails start-up after a few seconds; opt in explicitly.
            Map.entry("axon.axonserver.enabled", "false"),
            // The build and run machines have no internet.
            Map.entry("axon.update-check.disabled", "true"),
            // The serializer beans are ours, but Axon's XStream auto-configuration still switches
            // itself on unless these say jackson.
            Map.entry("axon.serializer.general", "jackson"),
            Map.entry("axon.serializer.events", "jackson"),
            Map.entry("axon.serializer.messages", "jackson"),
            // Axon 4.13.0 captures the whole stack on every handler invocation for its handler
            // timeouts (AxonFramework#4637, fixed in 4.13.2, not available here): a tenth of the
            // command side's CPU in an import. Handlers go unwrapped; the timeouts of a whole
            // command or event batch (axon.timeout.transaction.*) stay.
            Map.entry("axon.timeout.handler.commands.timeout-ms", "-1"),
            Map.entry("axon.timeout.handler.commands.warning-threshold-ms", "-1"),
            Map.entry("axon.timeout.handler.events.timeout-ms", "-1"),
            Map.entry("axon.timeout.handler.events.warning-threshold-ms", "-1"),
            Map.entry("axon.timeout.handler.queries.timeout-ms", "-1"),
            Map.entry("axon.timeout.handler.queries.warning-threshold-ms", "-1"),
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            // What no Spring handler answers (a path Tomcat keeps to itself, a method it refuses, an
            // exception escaping a filter) Tomcat reports as a problem (web/ContainerProblems) instead
            // of forwarding it to Boot's /error, which answers plain JSON without a rule.
            Map.entry("spring.autoconfigure.exclude", "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"),
            // Money is whole minor units: 100.5 and "100" are refused, never truncated or coerced.
            Map.entry("spring.jackson.deserialization.accept-float-as-int", "false"),
            Map.entry("spring.jackson.mapper.allow-coercion-of-scalars", "false"),
            // A missing number is reported by validation with every other missing field, not as a parse error.
            Map.entry("spring.jackson.deserialization.fail-on-null-for-primitives", "false"),
            Map.entry("management.endpoints.web.exposure.include", "health,info"),
            // Spring Security observes each request's filter chain, authentication and
            // authorisation: 8 % of a query's CPU, for metrics nothing exports.
            Map.entry("management.observations.enable.spring.security", "false"),
            Map.entry("management.endpoint.health.probes.enabled", "true"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("ledgerDefaults", DEFAULTS));
    }
}
