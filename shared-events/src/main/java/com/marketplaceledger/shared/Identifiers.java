package com.marketplaceledger.shared;

import java.util.regex.Pattern;

/**
 * The shape every merchant-supplied identifier must have. '/' is excluded because it separates
 * the parts of an event stream id (see {@link StreamIds}).
 */
public final class Identifiers {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Identifiers() {
    }

    public static String requireValid(String value, String kind) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidValue(
                    kind + " must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return value;
    }
}
