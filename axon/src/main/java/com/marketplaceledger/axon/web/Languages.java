package com.marketplaceledger.axon.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;

/**
 * The languages the query side answers in: Chinese (zh-CN) for China's market regulators and
 * English, the default. Any Chinese (zh, zh-Hans, zh-TW) reads the simplified Chinese texts,
 * since those are the only Chinese ones.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** As a client names them in {@code lang} or Accept-Language. */
    public static final List<String> TAGS = List.of("en", "zh-CN");
    private static final RequestLanguage REQUEST = new RequestLanguage();

    private Languages() {
    }

    /** The language of the texts for a locale: Chinese for any Chinese, else English. */
    public static Locale of(Locale locale) {
        return isChinese(locale) ? CHINESE : ENGLISH;
    }

    /** The language a request asks for, as Spring MVC resolves it: for answers written outside it (security's). */
    public static Locale of(HttpServletRequest request) {
        return REQUEST.resolveLocale(request);
    }

    /** The supported language a locale names, or null for one the query side does not write. */
    static Locale supported(Locale locale) {
        if (isChinese(locale)) {
            return CHINESE;
        }
        return locale.getLanguage().equals(ENGLISH.getLanguage()) ? ENGLISH : null;
    }

    private static boolean isChinese(Locale locale) {
        return locale.getLanguage().equals(CHINESE.getLanguage());
    }
}
