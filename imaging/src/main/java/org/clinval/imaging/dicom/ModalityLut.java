package org.clinval.imaging.dicom;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The modality LUT (PS3.3 C.11.1): stored pixel values to physical values, e.g. Hounsfield units
 * for CT.
 *
 * <p>With a rescale, {@code value = slope · stored + intercept} (Rescale Slope (0028,1053), Rescale
 * Intercept (0028,1052)). With a Modality LUT Sequence, {@code value = lut[clamp(stored −
 * firstMapped, 0, n − 1)]}: stored values below the first mapped value take the first entry and
 * those above the last take the last (PS3.3 C.11.1.1.1). Without either, the identity.
 *
 * @param kind which of the three applies
 * @param slope the rescale slope (1 unless {@code kind} is {@code RESCALE})
 * @param intercept the rescale intercept (0 unless {@code kind} is {@code RESCALE})
 * @param units Rescale Type (0028,1054) or LUT Type (0028,3002), e.g. {@code HU}, if given
 */
public record ModalityLut(
        Kind kind,
        double slope,
        double intercept,
        int firstMapped,
        int[] table,
        Optional<String> units) {

    /** Which modality transform a file specifies. */
    public enum Kind {
        /** No modality transform: physical values are the stored values. */
        IDENTITY,
        /** Rescale slope and intercept. */
        RESCALE,
        /** A Modality LUT Sequence table. */
        TABLE
    }

    public ModalityLut {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(units, "units");
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException(
                    "rescale slope/intercept are not finite: " + slope + ", " + intercept);
        }
        if (kind == Kind.TABLE && (table == null || table.length == 0)) {
            throw new IllegalArgumentException("a modality LUT table needs at least one entry");
        }
        table = table == null ? new int[0] : table.clone();
    }

    /** The identity transform. */
    public static ModalityLut identity() {
        return new ModalityLut(Kind.IDENTITY, 1, 0, 0, null, Optional.empty());
    }

    /** A linear rescale. */
    public static ModalityLut rescale(double slope, double intercept, Optional<String> units) {
        return new ModalityLut(Kind.RESCALE, slope, intercept, 0, null, units);
    }

    /** A lookup table whose first entry maps stored value {@code firstMapped}. */
    public static ModalityLut table(int firstMapped, int[] table, Optional<String> units) {
        return new ModalityLut(Kind.TABLE, 1, 0, firstMapped, table, units);
    }

    /** The LUT entries (a copy). */
    @Override
    public int[] table() {
        return table.clone();
    }

    /** Returns the physical value of one stored value. */
    public double apply(int stored) {
        return switch (kind) {
            case IDENTITY -> stored;
            case RESCALE -> slope * stored + intercept;
            case TABLE -> table[Math.max(0, Math.min(table.length - 1, stored - firstMapped))];
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModalityLut m
                && kind == m.kind
                && Double.compare(slope, m.slope) == 0
                && Double.compare(intercept, m.intercept) == 0
                && firstMapped == m.firstMapped
                && Arrays.equals(table, m.table)
                && units.equals(m.units);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, slope, intercept, firstMapped, Arrays.hashCode(table), units);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case IDENTITY -> "identity";
            case RESCALE -> slope + " * stored + " + intercept + units.map(u -> " " + u).orElse("");
            case TABLE -> "LUT of " + table.length + " entries from " + firstMapped;
        };
    }
}
