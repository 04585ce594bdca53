package com.marketplaceledger.command.support;

import com.marketplaceledger.shared.access.LocalIssuer;
import com.marketplaceledger.shared.access.LedgerRole;

/** One signing key per test JVM, in a temporary directory; the command side under test trusts it. */
public final class TestTokens {

    private static final LocalIssuer ISSUER = LocalIssuer.temporary();

    private TestTokens() {
    }

    public static LocalIssuer issuer() {
        return ISSUER;
    }

    public static String publicKeyLocation() {
        return ISSUER.publicKeyLocation();
    }

    public static String merchant(String merchantId) {
        return ISSUER.mint(LedgerRole.MERCHANT, merchantId);
    }

    public static String of(LedgerRole role) {
        return ISSUER.mint(role, null);
    }
}
