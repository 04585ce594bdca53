package com.marketplaceledger.shared;

/**
 * The shape every merchant-supplied identifier must have. '/' is excluded because it separates
 * the parts of an event stream id (see {@link StreamIds}).
 */
public final class Identifiers {

    /** The shape, as a regular expression (for schemas and other services); checked without one below. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private static final int MOST = 64;

    private Identifiers() {
    }

    public static String requireValid(String value, String kind) {
        if (!isValid(value)) {
            throw new InvalidValue(
                    kind + " must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return value;
    }

    /**
     * {@link #PATTERN}, checked a character at a time: every id of every event read is checked,
     * and the regular expression was a twentieth of a read model rebuild's CPU.
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MOST) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (i == 0 || (c != '.' && c != '_' && c != ':' && c != '-'))) {
                return false;
            }
        }
        return true;
    }
}
