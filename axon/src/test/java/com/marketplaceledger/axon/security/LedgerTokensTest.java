package com.marketplaceledger.axon.security;

import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tokens the ledger's own issuer mints, read by Spring Security's decoder (Nimbus) with the
 * checks the services apply: signature, expiry, audience and the ledger's claims.
 */
class LedgerTokensTest {

    private static final KeyPair KEYS = LedgerTokens.newKeyPair();

    private static JwtDecoder decoderFor(KeyPair keys) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(LedgerTokens.AUDIENCE)),
                new LedgerClaimsValidator()));
        return decoder;
    }

    @Test
    void aMerchantTokenNamesItsSubjectRoleMerchantAndAudience() {
        Jwt jwt = decoderFor(KEYS).decode(LedgerTokens.mint(KEYS.getPrivate(), Grant.merchant("M-hz-001"), Duration.ofHours(1)));

        assertThat(jwt.getSubject()).isEqualTo("merchant:M-hz-001");
        assertThat(jwt.getAudience()).containsExactly(LedgerTokens.AUDIENCE);
        assertThat(jwt.getClaimAsStringList(LedgerTokens.ROLES_CLAIM)).containsExactly("merchant");
        assertThat(jwt.getClaimAsString(LedgerTokens.MERCHANT_CLAIM)).isEqualTo("M-hz-001");
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void theCallerOfATokenHasItsLedgerRolesAndIgnoresRolesTheLedgerDoesNotKnow() {
        Jwt jwt = decoderFor(KEYS).decode(LedgerTokens.mint(KEYS.getPrivate(),
                new Grant("officer", List.of(LedgerRole.AUDITOR, LedgerRole.REGULATOR), null), Duration.ofHours(1)));
        Jwt withStranger = Jwt.withTokenValue("t").header("alg", "RS256").subject("x")
                .claim(LedgerTokens.ROLES_CLAIM, List.of("auditor", "superuser")).build();

        assertThat(Caller.roles(jwt)).isEqualTo(Set.of(LedgerRole.AUDITOR, LedgerRole.REGULATOR));
        assertThat(new Caller("officer", Caller.roles(jwt), null).rolesText()).isEqualTo("regulator,auditor");
        assertThat(Caller.roles(withStranger)).containsExactly(LedgerRole.AUDITOR);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String token = LedgerTokens.mint(LedgerTokens.newKeyPair().getPrivate(), Grant.of("auditor", LedgerRole.AUDITOR), Duration.ofHours(1));

        assertThatThrownBy(() -> decoderFor(KEYS).decode(token)).isInstanceOf(JwtException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = LedgerTokens.mint(KEYS.getPrivate(), Grant.of("auditor", LedgerRole.AUDITOR), LedgerTokens.AUDIENCE,
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));

        assertThatThrownBy(() -> decoderFor(KEYS).decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = LedgerTokens.mint(KEYS.getPrivate(), Grant.of("auditor", LedgerRole.AUDITOR), "another-service",
                Instant.now(), Duration.ofHours(1));

        assertThatThrownBy(() -> decoderFor(KEYS).decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void aMerchantRoleWithoutItsMerchantIsRefused() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("merchant:?")
                .claim(LedgerTokens.ROLES_CLAIM, List.of("merchant")).build();

        OAuth2TokenValidatorResult result = new LedgerClaimsValidator().validate(jwt);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors()).singleElement().satisfies(error ->
                assertThat(error.getDescription()).contains(LedgerTokens.MERCHANT_CLAIM));
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256")
                .claim(LedgerTokens.ROLES_CLAIM, List.of("auditor")).build();

        assertThat(new LedgerClaimsValidator().validate(jwt).hasErrors()).isTrue();
    }

    @Test
    void aSubjectTheLedgerCannotRecordIsRefused() {
        Jwt withNul = Jwt.withTokenValue("t").header("alg", "RS256").subject("auditor\u0000x")
                .claim(LedgerTokens.ROLES_CLAIM, List.of("auditor")).build();
        Jwt tooLong = Jwt.withTokenValue("t").header("alg", "RS256").subject("a".repeat(256))
                .claim(LedgerTokens.ROLES_CLAIM, List.of("auditor")).build();

        assertThat(new LedgerClaimsValidator().validate(withNul).hasErrors()).isTrue();
        assertThat(new LedgerClaimsValidator().validate(tooLong).hasErrors()).isTrue();
    }

    @Test
    void aMerchantClaimThatIsNoMerchantIdIsRefused() {
        for (Object merchant : List.<Object>of(42, Map.of("x", 1), "M/../x", "")) {
            Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("merchant:?")
                    .claim(LedgerTokens.ROLES_CLAIM, List.of("merchant")).claim(LedgerTokens.MERCHANT_CLAIM, merchant).build();

            assertThat(new LedgerClaimsValidator().validate(jwt).hasErrors()).as("merchant_id %s", merchant).isTrue();
        }
    }

    @Test
    void aGrantCannotMakeAMerchantTokenWithoutItsMerchant() {
        assertThatThrownBy(() -> new Grant("someone", List.of(LedgerRole.MERCHANT), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
