package com.marketplaceledger.axon.security;

import com.marketplaceledger.shared.access.LedgerRole;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;

/**
 * The access control both services share: stateless bearer-token authentication, health open to
 * all, every other endpoint behind a rule of the service's own (anything without one is refused),
 * and refusals as RFC 9457 problems. A merchant token that names another merchant's resources is
 * answered exactly as if that merchant did not exist.
 */
public final class LedgerAccess {

    public static final String MERCHANT_VARIABLE = "merchantId";
    static final String OTHER_MERCHANT = LedgerAccess.class.getName() + ".otherMerchant";

    private LedgerAccess() {
    }

    public interface Rules extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
    }

    /** The service's filter chain: the shared parts around the service's own {@code rules}. */
    public static SecurityFilterChain filterChain(HttpSecurity http, SecurityProblems problems, Rules rules) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // the error page of a request already authorised, and Boot's health probe
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                    rules.customize(requests);
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden));
        return http.build();
    }

    /** Callers holding any of these roles. */
    public static AuthorizationManager<RequestAuthorizationContext> anyOf(LedgerRole... roles) {
        return AuthorityAuthorizationManager.hasAnyRole(Arrays.stream(roles).map(LedgerRole::name).toArray(String[]::new));
    }

    /** Any caller with a valid token and at least one ledger role. */
    public static AuthorizationManager<RequestAuthorizationContext> anyRole() {
        return anyOf(LedgerRole.values());
    }

    /**
     * For paths with a {@code {merchantId}}: the merchant the token is bound to, or a caller holding
     * one of {@code others}. A merchant token for another merchant is marked so that the refusal
     * reads as "no such merchant".
     */
    public static AuthorizationManager<RequestAuthorizationContext> ownMerchantOr(LedgerRole... others) {
        AuthorizationManager<RequestAuthorizationContext> otherRoles = others.length == 0 ? null : anyOf(others);
        return (authentication, context) -> {
            var decision = otherRoles == null ? null : otherRoles.authorize(authentication, context);
            if (decision != null && decision.isGranted()) {
                return decision;
            }
            String merchantId = context.getVariables().get(MERCHANT_VARIABLE);
            Caller caller = Caller.of(authentication.get()).orElse(null);
            if (caller == null || !caller.is(LedgerRole.MERCHANT)) {
                return new AuthorizationDecision(false);
            }
            if (caller.isMerchantOtherThan(merchantId)) {
                context.getRequest().setAttribute(OTHER_MERCHANT, merchantId);
                return new AuthorizationDecision(false);
            }
            return new AuthorizationDecision(true);
        };
    }
}
