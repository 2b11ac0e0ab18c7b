package org.clinval.common;

/**
 * Values as messages show them: a bad value is echoed so the user can find it, but never whole when
 * it is long (a 5 MB cell would bury the message) and never with invisible characters unmarked (a
 * byte-order mark or a tab in a column name must be seen to be fixed).
 */
public final class Quote {

    /** The most characters of a value a message shows. */
    public static final int LIMIT = 80;

    private Quote() {}

    /**
     * Returns {@code value} in single quotes, cut to {@value #LIMIT} characters with the length
     * said, control and invisible characters shown as {@code \\uXXXX}; {@code null} as {@code
     * (none)}.
     */
    public static String value(String value) {
        return value(value, LIMIT);
    }

    /** As {@link #value(String)}, cut to {@code limit} characters. */
    public static String value(String value, int limit) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), limit) + 32).append('\'');
        int shown = 0;
        for (int i = 0; i < value.length() && shown < limit; i++, shown++) {
            char c = value.charAt(i);
            if (visible(c)) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        b.append('\'');
        if (value.length() > limit) {
            b.append("… (")
                    .append(value.length())
                    .append(" characters, the first ")
                    .append(limit)
                    .append(" shown)");
        }
        return b.toString();
    }

    /**
     * Returns {@code values} quoted, each cut to {@code limit} characters, at most {@code most} of
     * them, saying how many there are when some are left out (a header of 500 columns would bury
     * the message).
     */
    public static String list(java.util.Collection<String> values, int most, int limit) {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (String v : values) {
            if (shown == most) {
                s.append(", … (").append(values.size()).append(" in all)");
                break;
            }
            s.append(shown == 0 ? "" : ", ").append(value(v, limit));
            shown++;
        }
        return s.toString();
    }

    private static boolean visible(char c) {
        if (c == ' ') return true;
        if (Character.isISOControl(c)) return false;
        if (c == '\uFEFF' || c == '\u200B' || c == '\u00A0') return false;
        return !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT;
    }
}
