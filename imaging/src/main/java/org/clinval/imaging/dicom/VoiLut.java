package org.clinval.imaging.dicom;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A VOI LUT table (VOI LUT Sequence (0028,3010), PS3.3 C.11.2.1.1): modality values to display
 * values. Value {@code x} maps to {@code table[clamp(floor(x) − firstMapped, 0, n − 1)]}: values
 * below the first mapped value take the first entry and those above the last take the last. {@link
 * #apply} divides the entry by {@code 2^bits − 1}, giving [0, 1] (0 black for MONOCHROME2).
 *
 * @param firstMapped the modality value of the first entry (LUT Descriptor value 2)
 * @param bits bits per entry (LUT Descriptor value 3), 8 to 16
 * @param table the entries (not empty)
 * @param explanation LUT Explanation (0028,3003), if given
 */
public record VoiLut(int firstMapped, int bits, int[] table, Optional<String> explanation) {

    public VoiLut {
        Objects.requireNonNull(explanation, "explanation");
        if (table == null || table.length == 0) {
            throw new IllegalArgumentException("a VOI LUT needs at least one entry");
        }
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("VOI LUT bits per entry is not in [1, 16]: " + bits);
        }
        table = table.clone();
    }

    /** The entries (a copy). */
    @Override
    public int[] table() {
        return table.clone();
    }

    /** Returns the display value in [0, 1] of one modality value. */
    public double apply(double value) {
        double i = Math.floor(value) - firstMapped;
        int k = (int) Math.max(0, Math.min(table.length - 1, i));
        return table[k] / (double) ((1 << bits) - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoiLut v
                && firstMapped == v.firstMapped
                && bits == v.bits
                && Arrays.equals(table, v.table)
                && explanation.equals(v.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstMapped, bits, Arrays.hashCode(table), explanation);
    }

    @Override
    public String toString() {
        return "VOI LUT of "
                + table.length
                + " entries from "
                + firstMapped
                + ", "
                + bits
                + " bits";
    }
}
