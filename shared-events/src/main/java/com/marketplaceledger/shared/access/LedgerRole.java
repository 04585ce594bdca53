package com.marketplaceledger.shared.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may do what in the ledger; a token names its roles in the {@code roles} claim.
 * <ul>
 *   <li>{@link #MERCHANT}: records and reads the business of the one merchant its token names;</li>
 *   <li>{@link #REGULATOR}: reads every merchant, works alerts, cases and detection rules;</li>
 *   <li>{@link #AUDITOR}: reads, verifies, exports and replays;</li>
 *   <li>{@link #ADMIN}: runs operations (replays, dead letters).</li>
 * </ul>
 */
public enum LedgerRole {
    MERCHANT, REGULATOR, AUDITOR, ADMIN;

    /** As written in a token's {@code roles} claim. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LedgerRole> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue().equals(value)).findFirst();
    }
}
