package com.marketplaceledger.axon.security;

import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bearer token is verified once by the real decoder; its repeats are answered from memory, expiry checked each time. */
class VerifiedTokensTest {

    private static final KeyPair KEYS = LedgerTokens.newKeyPair();
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** Nimbus with Spring Security's default checks on a movable clock, counting the tokens it is asked about. */
    private static final class Verifier implements JwtDecoder {
        final AtomicInteger calls = new AtomicInteger();
        Instant now = NOW;
        private final NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();

        Verifier() {
            var timestamps = new JwtTimestampValidator();
            timestamps.setClock(clock());
            nimbus.setJwtValidator(timestamps);
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            return nimbus.decode(token);
        }
    }

    private final Verifier verifier = new Verifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5), verifier.clock());

    private static String token(Duration lifetime) {
        return LedgerTokens.mint(KEYS.getPrivate(), Grant.merchant("M-hz-001"), LedgerTokens.AUDIENCE, NOW, lifetime);
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        String token = token(Duration.ofHours(1));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(verifier.calls).hasValue(1);
        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("merchant:M-hz-001");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        String token = token(Duration.ofMinutes(2));
        tokens.decode(token);

        verifier.now = NOW.plus(Duration.ofMinutes(4)); // past expiry and Spring Security's 60 s of skew

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifier.calls).hasValue(2);
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTimeAndNeverRemembered() {
        String genuine = token(Duration.ofHours(1));
        String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1)
                + LedgerTokens.mint(LedgerTokens.newKeyPair().getPrivate(), Grant.merchant("M-hz-001"), LedgerTokens.AUDIENCE,
                NOW, Duration.ofHours(1)).substring(genuine.lastIndexOf('.') + 1);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls).hasValue(2);
    }

    @Test
    void aTokenRememberedLongerThanTheTimeToLiveIsVerifiedAgain() {
        String token = token(Duration.ofHours(1));
        tokens.decode(token);

        verifier.now = NOW.plus(Duration.ofMinutes(6));
        tokens.decode(token);

        assertThat(verifier.calls).hasValue(2);
    }
}
