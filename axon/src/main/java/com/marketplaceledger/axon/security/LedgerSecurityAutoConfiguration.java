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
import org.springframework.security.web.firewall.RequestRejectedHandler;

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

    /** Spring Security's firewall refusals (e.g. "/../" in a path) as problems too. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return SecurityProblems::rejected;
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
