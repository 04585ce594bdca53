package com.marketplaceledger.axon.security;

import com.marketplaceledger.shared.Identifiers;
import com.marketplaceledger.shared.access.LedgerRole;
import com.marketplaceledger.shared.access.LedgerTokens;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token the ledger could not act on safely: no subject (nobody to record) or one it
 * cannot record, or a merchant role without the merchant it is bound to. Signature, expiry and
 * audience are checked by Spring Security before this.
 */
final class LedgerClaimsValidator implements OAuth2TokenValidator<Jwt> {

    static final int MAX_SUBJECT = 255;

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            return invalid("the token has no subject");
        }
        // the subject is recorded with everything its bearer does
        if (subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
            return invalid("the token's subject must be at most " + MAX_SUBJECT + " characters, none of them a control character");
        }
        Object merchant = jwt.getClaims().get(LedgerTokens.MERCHANT_CLAIM);
        if (Caller.roles(jwt).contains(LedgerRole.MERCHANT)
                && !(merchant instanceof String id && Identifiers.isValid(id))) {
            return invalid("a merchant token must name its merchant, a merchant id, in the " + LedgerTokens.MERCHANT_CLAIM + " claim");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
