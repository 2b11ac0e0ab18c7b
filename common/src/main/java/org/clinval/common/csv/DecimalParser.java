package org.clinval.common.csv;

/**
 * Parses a decimal number from characters exactly as {@link Double#parseDouble} does, without
 * making a {@code String} for the common case: up to 15 significant digits and a power of ten the
 * double type holds exactly (Clinger's fast path: one correctly rounded multiplication or division
 * gives the correctly rounded result). Everything else goes to {@code parseDouble}, so the two
 * accept the same text and give the same bits.
 */
final class DecimalParser {

    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++, p *= 10) POWERS[i] = p;
    }

    private DecimalParser() {}

    /**
     * Returns the value of {@code length} characters of {@code text} from {@code offset}.
     *
     * @throws NumberFormatException as {@link Double#parseDouble} would
     */
    static double parse(char[] text, int offset, int length) {
        double fast = fastPath(text, offset, offset + length);
        if (!Double.isNaN(fast)) return fast;
        return Double.parseDouble(new String(text, offset, length));
    }

    /** Returns the value, or NaN when the text is not the plain form the fast path takes. */
    private static double fastPath(char[] s, int from, int n) {
        int i = from;
        boolean negative = false;
        if (n > from && (s[from] == '-' || s[from] == '+')) {
            negative = s[from] == '-';
            i = from + 1;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            any = true;
            if (mantissa != 0 || s[i] != '0') {
                if (++digits > 15) return Double.NaN;
                mantissa = mantissa * 10 + (s[i] - '0');
            }
        }
        if (i < n && s[i] == '.') {
            for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
                any = true;
                scale--;
                if (mantissa != 0 || s[i] != '0') {
                    if (++digits > 15) return Double.NaN;
                    mantissa = mantissa * 10 + (s[i] - '0');
                }
            }
        }
        if (!any) return Double.NaN;
        if (i < n && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            boolean minus = false;
            if (i < n && (s[i] == '-' || s[i] == '+')) minus = s[i++] == '-';
            int e = 0;
            int start = i;
            for (; i < n && s[i] >= '0' && s[i] <= '9' && e < 1000; i++) e = e * 10 + (s[i] - '0');
            if (i == start) return Double.NaN;
            scale += minus ? -e : e;
        }
        if (i != n) return Double.NaN;
        double v;
        if (mantissa == 0) {
            v = 0;
        } else if (scale >= 0 && scale < POWERS.length) {
            v = mantissa * POWERS[scale];
        } else if (scale < 0 && -scale < POWERS.length) {
            v = mantissa / POWERS[-scale];
        } else {
            return Double.NaN;
        }
        return negative ? -v : v;
    }
}
