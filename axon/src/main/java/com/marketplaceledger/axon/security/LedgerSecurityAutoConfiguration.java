package com.marketplaceledger.axon.security;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.time.Clock;
import java.time.Duration;

/**
 * What both services need to know about callers: ledger roles from the token's {@code roles}
 * claim, the ledger's own claim checks (added by Spring Boot to its signature, expiry and audience
 * checks), and who sent each command recorded in the metadata of the command and of its events.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class LedgerSecurityAutoConfiguration {

    @Bean
    JwtAuthenticationConverter ledgerJwtAuthentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Caller.roles(jwt).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
        return converter;
    }

    @Bean
    OAuth2TokenValidator<Jwt> ledgerClaimsValidator() {
        return new LedgerClaimsValidator();
    }

    /**
     * Whatever decoder Spring Boot configures (a public key file, or an identity provider's key
     * set) verifies each token once; {@link VerifiedTokens} answers its repeats.
     */
    @Bean
    static BeanPostProcessor verifiedTokens(Environment environment) {
        long size = environment.getProperty("ledger.security.verified-tokens.size", Long.class, 10_000L);
        Duration ttl = environment.getProperty("ledger.security.verified-tokens.ttl", Duration.class, Duration.ofMinutes(5));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && size > 0
                        ? new VerifiedTokens(decoder, size, ttl, Clock.systemUTC()) : bean;
            }
        };
    }

    @Bean
    BearerTokenResolver bearerHeader() {
        return new BearerHeader();
    }

    /**
     * Spring Security's firewall, checking header values without a regular expression when they
     * are printable ASCII, as a bearer token is: matching its pattern against every request's
     * {@code Authorization} header was 6.6 % of the command side's CPU at saturation. Any other
     * value is checked by Spring's own rule.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(LedgerSecurityAutoConfiguration::headerValueAllowed);
        return firewall;
    }

    static boolean headerValueAllowed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value);
            }
        }
        return true;
    }

    /** Spring Security's firewall refusals (e.g. "/../" in a path) as problems too. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return SecurityProblems::rejected;
    }

    /** The same refusals where Spring MVC is the first to read what the firewall refuses. */
    @Bean
    FirewallRefusals firewallRefusalsInSpringMvc() {
        return new FirewallRefusals();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.KEYS.toArray(String[]::new));
    }

    /** Axon's own provider (correlation and trace ids) backs off when any provider is defined. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    SmartInitializingSingleton actorOnCommands(ObjectProvider<CommandBus> commandBus) {
        return () -> commandBus.ifAvailable(bus -> bus.registerDispatchInterceptor(new ActorMetadata()));
    }
}
