package com.marketplaceledger.query.support;

import com.marketplaceledger.axon.embedded.LocalIssuer;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * One signing key per test JVM, in a temporary directory; the query side under test and the
 * command side it starts both trust it.
 */
public final class TestTokens {

    /** The subject of {@link #officer()}: who the case events of most tests record. */
    public static final String OFFICER = "officer-test";

    private static final LocalIssuer ISSUER = open();

    private TestTokens() {
    }

    private static LocalIssuer open() {
        try {
            return LocalIssuer.open(Files.createTempDirectory("ledger-test-keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LocalIssuer issuer() {
        return ISSUER;
    }

    public static String publicKeyLocation() {
        return "file:" + ISSUER.publicKey();
    }

    public static String merchant(String merchantId) {
        return ISSUER.mint(Grant.merchant(merchantId));
    }

    public static String of(LedgerRole role) {
        return ISSUER.mint(Grant.of(role.claimValue(), role));
    }

    public static String of(String subject, LedgerRole... roles) {
        return ISSUER.mint(new Grant(subject, List.of(roles), null));
    }

    /**
     * A token holding every role but merchant: what most tests of the read side go with, since they
     * are about what is answered, not who may ask ({@code AccessControlIntegrationTest} is about that).
     */
    public static String officer() {
        return of(OFFICER, LedgerRole.REGULATOR, LedgerRole.AUDITOR, LedgerRole.ADMIN);
    }
}
