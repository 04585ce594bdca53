package com.marketplaceledger.shared.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The access token contract between whoever issues tokens and the ledger's services: an RS256 JWT
 * for the audience {@value #AUDIENCE} with the caller's roles in {@value #ROLES_CLAIM} and, for a
 * merchant, its merchant id in {@value #MERCHANT_CLAIM}. The services verify tokens with Spring
 * Security; this class only issues them, for the local signing key that {@code ./ledger up} keeps,
 * the network simulator and tests. A production deployment takes its tokens from its identity
 * provider and points the services at that provider's keys.
 */
public final class LedgerTokens {

    public static final String AUDIENCE = "marketplace-ledger";
    public static final String LOCAL_ISSUER = "marketplace-ledger-local";
    public static final String ROLES_CLAIM = "roles";
    public static final String MERCHANT_CLAIM = "merchant_id";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private LedgerTokens() {
    }

    /** What a token says about its bearer. */
    public record Grant(String subject, List<LedgerRole> roles, String merchantId) {
        public Grant {
            Objects.requireNonNull(subject, "subject");
            roles = List.copyOf(roles);
            if (roles.contains(LedgerRole.MERCHANT) && merchantId == null) {
                throw new IllegalArgumentException("a merchant token names its merchant");
            }
        }

        public static Grant merchant(String merchantId) {
            return new Grant("merchant:" + merchantId, List.of(LedgerRole.MERCHANT), merchantId);
        }

        public static Grant of(String subject, LedgerRole... roles) {
            return new Grant(subject, List.of(roles), null);
        }
    }

    /** A signed token for the grant, valid from now for {@code lifetime}. */
    public static String mint(PrivateKey key, Grant grant, Duration lifetime) {
        return mint(key, grant, AUDIENCE, Instant.now(), lifetime);
    }

    /** A signed token for any audience and time, so that refused tokens can be made on purpose too. */
    public static String mint(PrivateKey key, Grant grant, String audience, Instant issuedAt, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", LOCAL_ISSUER);
        claims.put("sub", grant.subject());
        claims.put("aud", audience);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put(ROLES_CLAIM, grant.roles().stream().map(LedgerRole::claimValue).toList());
        if (grant.merchantId() != null) {
            claims.put(MERCHANT_CLAIM, grant.merchantId());
        }
        String signingInput = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token with this key", e);
        }
    }

    /** A new 2048-bit RSA key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the private key as PKCS#8 PEM and the public key as X.509 PEM (what Spring Security reads). */
    public static void writePem(KeyPair keys, Path privateKey, Path publicKey) throws IOException {
        Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    }

    /** Reads a PKCS#8 PEM private RSA key, as {@link #writePem} writes it. */
    public static PrivateKey readPrivateKey(Path pemFile) throws IOException {
        String base64 = Files.readString(pemFile)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(pemFile + " is not a PKCS#8 PEM RSA private key", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String part(Map<String, Object> json) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
