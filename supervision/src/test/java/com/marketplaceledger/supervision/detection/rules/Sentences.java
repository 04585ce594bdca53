package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.axon.web.Languages;
import com.marketplaceledger.axon.web.Texts;

import java.util.Map;

/** A finding's reason as a regulator reads it, rendered from supervision's message bundle. */
final class Sentences {

    private static final Texts TEXTS = new Texts(Texts.bundles());

    private Sentences() {
    }

    static String english(Reason reason) {
        return TEXTS.text(reason.code(), reason.arguments(), Languages.ENGLISH);
    }

    static String chinese(Reason reason) {
        return TEXTS.text(reason.code(), reason.arguments(), Languages.CHINESE);
    }

    /** A text without arguments, such as a rule's title or source. */
    static String english(String key) {
        return TEXTS.text(key, Map.of(), Languages.ENGLISH);
    }

    static String chinese(String key) {
        return TEXTS.text(key, Map.of(), Languages.CHINESE);
    }
}
