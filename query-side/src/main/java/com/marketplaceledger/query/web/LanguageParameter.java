package com.marketplaceledger.query.web;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.axon.web.RequestLanguage;
import com.marketplaceledger.axon.web.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Map;

/**
 * Refuses a {@code lang} the query side does not write (a regulator who typed lang=cn should be
 * told, not read English unawares), and names the language of every answer in Content-Language.
 */
class LanguageParameter implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag());
        String lang = request.getParameter(RequestLanguage.PARAMETER);
        if (lang != null && RequestLanguage.asked(lang) == null) {
            throw QueryRefused.badParameter(RequestLanguage.PARAMETER, "not-one-of",
                    Map.of("value", lang, "allowed", String.join(", ", Languages.TAGS)));
        }
        return true;
    }
}
