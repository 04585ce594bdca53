package com.marketplaceledger.axon.readmodel;

import com.marketplaceledger.axon.readmodel.JurisdictionZones.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JurisdictionZonesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId OTHERWISE = ZoneId.of("Europe/Berlin");

    private final JurisdictionZones zones = new JurisdictionZones(Map.of(
            "CN", new Jurisdiction(SHANGHAI),
            // as Spring binds a key given as an environment variable
            "us", new Jurisdiction(NEW_YORK),
            "US-CA", new Jurisdiction(LOS_ANGELES)));

    @Test
    void a_configured_code_has_its_zone_whatever_the_case_it_is_written_in() {
        assertThat(zones.zoneOf("CN", OTHERWISE)).isEqualTo(SHANGHAI);
        assertThat(zones.zoneOf("cn", OTHERWISE)).isEqualTo(SHANGHAI);
        assertThat(zones.zoneOf("US", OTHERWISE)).isEqualTo(NEW_YORK);
    }

    @Test
    void a_subdivision_has_its_own_zone_if_configured_and_else_its_countrys() {
        assertThat(zones.zoneOf("US-CA", OTHERWISE)).isEqualTo(LOS_ANGELES);
        assertThat(zones.zoneOf("US-TX", OTHERWISE)).isEqualTo(NEW_YORK);
        assertThat(zones.zoneOf("CN-ZJ", OTHERWISE)).isEqualTo(SHANGHAI);
    }

    @Test
    void a_jurisdiction_configured_neither_way_has_the_default_zone() {
        assertThat(zones.zoneOf("DE", OTHERWISE)).isEqualTo(OTHERWISE);
        assertThat(zones.zoneOf("DE-BY", OTHERWISE)).isEqualTo(OTHERWISE);
        assertThat(new JurisdictionZones(null).zoneOf("CN", OTHERWISE)).isEqualTo(OTHERWISE);
    }

    @Test
    void zones_bind_from_properties_with_subdivision_codes_and_an_environment_variable_overrides_them() {
        var properties = new MapConfigurationPropertySource(Map.of(
                "ledger.jurisdictions.CN.zone", "Asia/Shanghai",
                "ledger.jurisdictions.US.zone", "America/New_York",
                "ledger.jurisdictions.US-CA.zone", "America/Los_Angeles"));
        var environment = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("LEDGER_JURISDICTIONS_US_ZONE", "America/Chicago"))).iterator().next();

        JurisdictionZones bound = new Binder(environment, properties).bind("ledger", JurisdictionZones.class).get();

        assertThat(bound.zoneOf("CN", OTHERWISE)).isEqualTo(SHANGHAI);
        assertThat(bound.zoneOf("US-CA", OTHERWISE)).isEqualTo(LOS_ANGELES);
        assertThat(bound.zoneOf("US", OTHERWISE)).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void a_jurisdiction_configured_without_a_zone_has_the_default_zone() {
        assertThat(new JurisdictionZones(Map.of("CN", new Jurisdiction(null))).zoneOf("CN", OTHERWISE)).isEqualTo(OTHERWISE);
    }
}
