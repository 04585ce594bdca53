package com.marketplaceledger.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.access.LedgerTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

/** The tests' signing key, merchant tokens minted with it, and what a token says. */
final class TestTokens {

    /** The key the fake command side trusts, as the running ledger trusts the one ./ledger up keeps. */
    static final KeyPair KEYS = LedgerTokens.newKeyPair();

    private TestTokens() {
    }

    /** Mints a merchant token for each merchant id, as the simulator's command line does. */
    static Function<String, String> merchantTokens() {
        return merchantId -> LedgerTokens.mint(KEYS.getPrivate(), LedgerTokens.Grant.merchant(merchantId), Duration.ofHours(1));
    }

    /** Writes the tests' key as ./ledger up keeps its own: a PKCS#8 PEM private key (and the public key beside it). */
    static Path writeSigningKey(Path directory) {
        Path privateKey = directory.resolve("signing-key.pem");
        try {
            LedgerTokens.writePem(KEYS, privateKey, directory.resolve("signing-key.pub.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return privateKey;
    }

    /** The claims of a JWT: its second part, base64url JSON. */
    static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT: " + token);
        }
        try {
            return LedgerJson.objectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The merchant an {@code Authorization: Bearer <JWT>} header's token names. */
    static String merchantOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new IllegalArgumentException("not a bearer token: " + authorization);
        }
        return claims(authorization.substring("Bearer ".length())).path(LedgerTokens.MERCHANT_CLAIM).asText(null);
    }

    /** Whether the token's RS256 signature is the key's. */
    static boolean signedBy(String token, PublicKey key) {
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
