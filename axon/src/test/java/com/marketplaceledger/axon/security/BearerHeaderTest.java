package com.marketplaceledger.axon.security;

import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The fast paths read what Spring Security's own rules read, and refuse what they refuse. */
class BearerHeaderTest {

    static Stream<String> authorizationHeaders() {
        String token = LedgerTokens.mint(LedgerTokens.newKeyPair().getPrivate(), Grant.merchant("M-hz-001"), Duration.ofHours(1));
        return Stream.of(token, "abc", "a-b.c_d~e+f/g", "ab==", "ab=", "=", "a=b", "a b", "a,b", "a:b", "", " abc", "abc ",
                        "ab\tc", "ab\u00e9", "ab\u0000", "ab\n", "a%2Fb")
                .flatMap(value -> Stream.of("Bearer " + value, "bearer " + value, "BEARER " + value, "Bearer  " + value,
                        "Basic " + value, value));
    }

    @ParameterizedTest
    @MethodSource("authorizationHeaders")
    void theBearerHeaderResolvesExactlyWhatSpringSecuritysResolverResolves(String header) {
        var request = new MockHttpServletRequest("POST", "/merchants");
        request.addHeader("Authorization", header);

        var spring = outcome(() -> new DefaultBearerTokenResolver().resolve(request));
        var ours = outcome(() -> new BearerHeader().resolve(request));

        assertThat(ours).isEqualTo(spring);
    }

    @ParameterizedTest
    @MethodSource("authorizationHeaders")
    void aHeaderValueIsAllowedExactlyWhenSpringSecuritysFirewallAllowsIt(String value) {
        assertThat(LedgerSecurityAutoConfiguration.headerValueAllowed(value))
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
    }

    @Test
    void aWellFormedBearerHeaderTakesTheFastPath() {
        assertThat(BearerHeader.isBearerToken("Bearer a-b.c_d~e+f/g==")).isTrue();
        assertThat(BearerHeader.isBearerToken("Bearer a=b")).isFalse();
        assertThat(BearerHeader.isBearerToken("bearer abc")).isFalse(); // Spring's resolver decides
    }

    private record Outcome(String token, String error) {
    }

    private static Outcome outcome(Supplier<String> resolve) {
        var refused = catchThrowableOfType(OAuth2AuthenticationException.class, resolve::get);
        return refused != null ? new Outcome(null, refused.getError().getErrorCode() + ": " + refused.getError().getDescription())
                : new Outcome(resolve.get(), null);
    }
}
