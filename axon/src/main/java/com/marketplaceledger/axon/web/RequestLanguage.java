package com.marketplaceledger.axon.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Collections;
import java.util.Locale;

/**
 * The language a request is answered in: the {@value #PARAMETER} query parameter
 * ({@code lang=zh-CN}, {@code lang=en}), else the first language of Accept-Language (by quality)
 * the query side writes, else English. A {@code lang} naming another language is refused by
 * the query side's language interceptor before any handler runs; here it is passed over.
 */
public class RequestLanguage implements LocaleResolver {

    public static final String PARAMETER = "lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale asked = asked(request.getParameter(PARAMETER));
        if (asked != null) {
            return asked;
        }
        // the container orders Accept-Language by quality; without the header it gives the server's locale
        if (request.getHeader("Accept-Language") != null) {
            for (Locale accepted : Collections.list(request.getLocales())) {
                Locale supported = Languages.supported(accepted);
                if (supported != null) {
                    return supported;
                }
            }
        }
        return Languages.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is asked for per request, with lang or Accept-Language");
    }

    /** The language a {@code lang} value names, or null for none given or one not written here. */
    public static Locale asked(String lang) {
        return lang == null || lang.isBlank() ? null : Languages.supported(Locale.forLanguageTag(lang.strip().replace('_', '-')));
    }
}
