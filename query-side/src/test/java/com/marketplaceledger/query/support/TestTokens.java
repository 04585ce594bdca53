package com.marketplaceledger.query.support;

import com.marketplaceledger.shared.access.LocalIssuer;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens.Grant;

import java.util.List;

/**
 * One signing key per test JVM, in a temporary directory; the query side under test and the
 * command side it starts both trust it.
 */
public final class TestTokens {

    /** The subject of {@link #officer()}: who the case events of most tests record. */
    public static final String OFFICER = "officer-test";

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
