package org.clinval.imaging.deid;

/**
 * One thing the PHI scan found. It never holds the value itself, only that one is present and its
 * size, so a report of findings can be shared without spreading the PHI it points at.
 *
 * @param tag the tag, {@code (gggg,eeee)}; empty for a finding about the file's path
 * @param keyword the attribute's keyword, or the tag for private attributes; {@code FileName} or
 *     {@code FolderName} for a finding about the file's path
 * @param location where it is: keywords from the top level down, with 1-based item numbers, e.g.
 *     {@code ReferencedStudySequence[1] > AccessionNumber}; or {@code file name}, {@code folder
 *     name, 1 up}...
 * @param kind why it is reported
 * @param reason the rule that applies, e.g. the PS3.15 action and whether the file declares itself
 *     de-identified
 * @param size the value's length in characters, or the number of items of a sequence
 */
public record PhiFinding(
        String tag, String keyword, String location, PhiKind kind, String reason, int size) {

    /**
     * Returns where it is with its tag, e.g. {@code ContentSequence[3] > TextValue (0040,A160)}, or
     * {@code RequestAttributesSequence[1] > (0009,1001)} for a private attribute, whose location is
     * its tag already.
     */
    public String path() {
        return tag.isEmpty() || location.endsWith(tag) ? location : location + " " + tag;
    }

    /** Returns whether this finding means PHI may be left ({@link PhiKind#isPhi()}). */
    public boolean isPhi() {
        return kind.isPhi();
    }
}
