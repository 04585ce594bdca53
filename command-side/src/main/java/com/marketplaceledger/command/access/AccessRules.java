package com.marketplaceledger.command.access;

import com.marketplaceledger.axon.security.LedgerAccess;
import com.marketplaceledger.axon.security.SecurityProblems;
import com.marketplaceledger.command.web.Problems;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static com.marketplaceledger.axon.security.LedgerAccess.anyOf;
import static com.marketplaceledger.axon.security.LedgerAccess.anyRole;
import static com.marketplaceledger.axon.security.LedgerAccess.ownMerchantOr;
import static com.marketplaceledger.shared.access.LedgerRole.MERCHANT;

/**
 * Who may use the merchant API: only merchants record, and each only for the merchant its token
 * names (another merchant's paths answer as if it did not exist; registering another merchant id
 * is refused by {@link MerchantOwnershipPolicy}). Regulators, auditors and admins read the ledger
 * on the query side and record nothing here. The OpenAPI document needs any valid token.
 */
@Configuration
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIDefinition(security = @SecurityRequirement(name = "bearer"))
class AccessRules {

    @Bean
    SecurityFilterChain merchantApi(HttpSecurity http) throws Exception {
        var problems = new SecurityProblems(merchantId -> Problems.asMap(Problems.problem(HttpStatus.NOT_FOUND,
                "unknown-merchant", "merchantId", "merchant " + merchantId + " is not registered")));
        return LedgerAccess.filterChain(http, problems, requests -> requests
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .access(anyRole())
                .requestMatchers(HttpMethod.POST, "/merchants").access(anyOf(MERCHANT))
                .requestMatchers(HttpMethod.POST, "/merchants/{merchantId}/**").access(ownMerchantOr()));
    }
}
