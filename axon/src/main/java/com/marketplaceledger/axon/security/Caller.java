package com.marketplaceledger.axon.security;

import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sends the current request, as its verified token says: the subject, the ledger roles and,
 * for a merchant, the one merchant it acts for.
 */
public record Caller(String subject, Set<LedgerRole> roles, String merchantId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the request this thread serves, if it came with a verified token. */
    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The caller of a request the access rules only let through with a token: what it does is
     * recorded under its subject.
     */
    public static Caller required() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated caller: the access rules admit none here"));
    }

    public static Optional<Caller> of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Jwt jwt = token.getToken();
        return Optional.of(new Caller(jwt.getSubject(), roles(jwt), jwt.getClaimAsString(LedgerTokens.MERCHANT_CLAIM)));
    }

    static Set<LedgerRole> roles(Jwt jwt) {
        List<String> claimed = jwt.getClaimAsStringList(LedgerTokens.ROLES_CLAIM);
        EnumSet<LedgerRole> roles = EnumSet.noneOf(LedgerRole.class);
        if (claimed != null) {
            claimed.forEach(value -> LedgerRole.fromClaim(value).ifPresent(roles::add));
        }
        return roles;
    }

    public boolean is(LedgerRole role) {
        return roles.contains(role);
    }

    /** True for a merchant token acting for a merchant other than {@code merchantId}. */
    public boolean isMerchantOtherThan(String merchantId) {
        return is(LedgerRole.MERCHANT) && !merchantId.equals(this.merchantId);
    }

    /** The roles as recorded in event metadata: claim values, comma-separated, in a fixed order. */
    public String rolesText() {
        return roles.stream().sorted().map(LedgerRole::claimValue).collect(Collectors.joining(","));
    }
}
