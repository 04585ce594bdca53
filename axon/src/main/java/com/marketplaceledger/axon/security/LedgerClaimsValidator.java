package com.marketplaceledger.axon.security;

import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token the ledger could not act on safely: no subject (nobody to record), or a merchant
 * role without the merchant it is bound to. Signature, expiry and audience are checked by Spring
 * Security before this.
 */
final class LedgerClaimsValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return invalid("the token has no subject");
        }
        String merchant = jwt.getClaimAsString(LedgerTokens.MERCHANT_CLAIM);
        if (Caller.roles(jwt).contains(LedgerRole.MERCHANT) && (merchant == null || merchant.isBlank())) {
            return invalid("a merchant token must name its merchant in the " + LedgerTokens.MERCHANT_CLAIM + " claim");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
