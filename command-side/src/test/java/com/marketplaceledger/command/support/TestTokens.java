package com.marketplaceledger.command.support;

import com.marketplaceledger.axon.embedded.LocalIssuer;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One signing key per test JVM, in a temporary directory; the command side under test trusts it. */
public final class TestTokens {

    private static final LocalIssuer ISSUER = issuer();

    private TestTokens() {
    }

    public static LocalIssuer issuer() {
        if (ISSUER != null) {
            return ISSUER;
        }
        try {
            return LocalIssuer.open(Files.createTempDirectory("ledger-test-keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
