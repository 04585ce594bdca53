package com.marketplaceledger.cli;

import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;

import java.security.PrivateKey;
import java.time.Duration;

/** Tokens as ./ledger up writes them (the stand-ins of the query side check only that they are sent). */
final class Tokens {

    private static final PrivateKey KEY = LedgerTokens.newKeyPair().getPrivate();

    private Tokens() {
    }

    static String auditor() {
        return LedgerTokens.mint(KEY, LedgerTokens.Grant.of("auditor", LedgerRole.AUDITOR), Duration.ofHours(1));
    }
}
