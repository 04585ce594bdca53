package com.marketplaceledger.query.access;

import com.marketplaceledger.axon.security.LedgerAccess;
import com.marketplaceledger.axon.security.SecurityProblems;
import com.marketplaceledger.axon.web.LedgerProblem;
import com.marketplaceledger.axon.web.Languages;
import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.axon.web.Texts;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Locale;
import java.util.Map;

import static com.marketplaceledger.axon.security.LedgerAccess.anyOf;
import static com.marketplaceledger.axon.security.LedgerAccess.anyRole;
import static com.marketplaceledger.axon.security.LedgerAccess.ownMerchantOr;
import static com.marketplaceledger.shared.access.LedgerRole.ADMIN;
import static com.marketplaceledger.shared.access.LedgerRole.AUDITOR;
import static com.marketplaceledger.shared.access.LedgerRole.REGULATOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may read and do what on the query side, in one table (first match wins; anything not named
 * is refused):
 * <ul>
 *   <li>a merchant reads its own network, accounts and audit trail, and nothing of another merchant
 *       (which answers as if it did not exist); the regulator's findings about it are not its to read;</li>
 *   <li>regulators and auditors read every merchant, the audit trail, alerts, cases and rules;</li>
 *   <li>regulators work cases and detection rules; auditors verify and export the store;</li>
 *   <li>auditors and admins replay read models; admins handle dead letters.</li>
 * </ul>
 */
@Configuration
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIDefinition(security = @SecurityRequirement(name = "bearer"))
class AccessRules {

    @Bean
    SecurityFilterChain queryApi(HttpSecurity http, Texts texts) throws Exception {
        var problems = new SecurityProblems(merchantId -> unknownMerchant(texts, merchantId));
        return LedgerAccess.filterChain(http, problems, requests -> requests
                .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").access(anyRole())
                .requestMatchers(GET, "/stream/position").access(anyRole())
                // findings about a merchant are the regulator's
                .requestMatchers(GET, "/merchants/{merchantId}/risk", "/merchants/{merchantId}/distributors/*/risk")
                .access(anyOf(REGULATOR, AUDITOR))
                .requestMatchers(GET, "/merchants").access(anyOf(REGULATOR, AUDITOR))
                .requestMatchers(GET, "/merchants/{merchantId}/**").access(ownMerchantOr(REGULATOR, AUDITOR))
                .requestMatchers(GET, "/audit-trail", "/audit-trail/**", "/history").access(anyOf(REGULATOR, AUDITOR))
                .requestMatchers(GET, "/alerts", "/alerts/**", "/networks/risk").access(anyOf(REGULATOR, AUDITOR))
                .requestMatchers(GET, "/cases", "/cases/**").access(anyOf(REGULATOR, AUDITOR))
                .requestMatchers(POST, "/cases", "/cases/**").access(anyOf(REGULATOR))
                .requestMatchers(GET, "/detection/**").access(anyOf(REGULATOR, AUDITOR))
                .requestMatchers(POST, "/detection/**").access(anyOf(REGULATOR))
                .requestMatchers(PUT, "/detection/**").access(anyOf(REGULATOR))
                .requestMatchers(DELETE, "/detection/**").access(anyOf(REGULATOR))
                .requestMatchers(GET, "/integrity/**").access(anyOf(AUDITOR, REGULATOR))
                .requestMatchers(POST, "/integrity/verification").access(anyOf(AUDITOR, REGULATOR))
                .requestMatchers(GET, "/export").access(anyOf(AUDITOR))
                .requestMatchers(GET, "/operations/**").access(anyOf(AUDITOR, ADMIN))
                .requestMatchers(POST, "/operations/read-models/**").access(anyOf(AUDITOR, ADMIN))
                .requestMatchers(POST, "/operations/dead-letters/**").access(anyOf(ADMIN))
                .requestMatchers(POST, "/operations/processors/**").access(anyOf(ADMIN)));
    }

    /**
     * As the read side answers for a merchant it does not know (QueryRefused.notFound), word for
     * word in the caller's language: an answer that differed in any way would tell that the
     * merchant exists. Written before Spring MVC, so the language is read from the request here.
     */
    private static Map<String, Object> unknownMerchant(Texts texts, String merchantId) {
        Locale language = Languages.of(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
        QueryRefused unknown = QueryRefused.notFound("merchant", merchantId);
        Map<String, Object> problem = LedgerProblem.of(unknown.status().value(),
                texts.text("problem." + unknown.rule() + ".title", Map.of(), language), unknown.rule(),
                texts.text(unknown.detailKey(), unknown.arguments(), language));
        problem.put("field", unknown.field());
        return problem;
    }
}
