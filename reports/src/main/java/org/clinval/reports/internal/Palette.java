package org.clinval.reports.internal;

import java.util.Locale;
import org.clinval.risk.Acceptability;

/**
 * The colours the reports and the workbooks share, so that a region of the acceptability matrix, a
 * pass or a failure look the same in every document of the suite. Each colour is a 24-bit RGB
 * value; no colour has transparency (PDF/A-1 forbids it).
 */
public final class Palette {

    /**
     * A fill with the ink that reads on it.
     *
     * @param fill the background, 0xRRGGBB
     * @param ink the text colour on that background, 0xRRGGBB
     */
    public record Swatch(int fill, int ink) {

        /** Returns the fill as {@code #RRGGBB}. */
        public String fillHex() {
            return hex(fill);
        }

        /** Returns the ink as {@code #RRGGBB}. */
        public String inkHex() {
            return hex(ink);
        }
    }

    /** Text of a good outcome: PASS, PASSED, effective, acceptable. */
    public static final int GOOD = 0x1B7F3B;

    /** Text of a bad outcome: FAIL, FAILED, NOT EFFECTIVE, not acceptable. */
    public static final int BAD = 0xB3261E;

    /** Text of an outcome that is neither: MISSING, undefined, incomplete. */
    public static final int WARN = 0x8A5A00;

    /** Headings and table headers. */
    public static final int HEADING = 0x1F3A5F;

    /** The fill of table headers. */
    public static final int HEADER_FILL = 0xE9EDF2;

    private static final Swatch ACCEPTABLE = new Swatch(0xCDE9D4, 0x145C2C);
    private static final Swatch INVESTIGATE = new Swatch(0xFCE4A8, 0x6B4600);
    private static final Swatch UNACCEPTABLE = new Swatch(0xF3C0BA, 0x8C1D17);

    private Palette() {}

    /** Returns the swatch of a region of the acceptability matrix. */
    public static Swatch region(Acceptability region) {
        return switch (region) {
            case ACCEPTABLE -> ACCEPTABLE;
            case INVESTIGATE -> INVESTIGATE;
            case UNACCEPTABLE -> UNACCEPTABLE;
        };
    }

    /** Returns {@code #RRGGBB} of a 24-bit colour. */
    public static String hex(int rgb) {
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException(
                    "not a 24-bit RGB colour: 0x" + Integer.toHexString(rgb));
        }
        return String.format(Locale.ROOT, "#%06X", rgb);
    }
}
