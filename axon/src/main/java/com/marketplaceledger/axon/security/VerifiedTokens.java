package com.marketplaceledger.axon.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Clock;
import java.time.Duration;

/**
 * A decoder that verifies each bearer token once and remembers it: a client sends the same token
 * with every request, and checking its RS256 signature (Nimbus decodes it in constant-time Base64)
 * was a quarter of the command side's CPU at saturation. A token is remembered by its whole text,
 * signature included, and only after the decoder behind accepted it, so a token never verified
 * cannot be served from here. Expiry is checked again on every use, with Spring Security's own
 * validator, and a token remembered longer than {@code ttl} is verified again, so a withdrawn
 * signing key stops being honoured within that time.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified;
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator();

    VerifiedTokens(JwtDecoder verifier, long maximumSize, Duration ttl, Clock clock) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl)
                .ticker(() -> clock.millis() * 1_000_000).executor(Runnable::run).build();
        this.timestamps.setClock(clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered != null && !timestamps.validate(remembered).hasErrors()) {
            return remembered;
        }
        if (remembered != null) {
            verified.invalidate(token); // expired: the verifier refuses it, with its own reasons
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
