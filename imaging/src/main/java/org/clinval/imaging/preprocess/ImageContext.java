package org.clinval.imaging.preprocess;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the steps may need to know about an image beyond its values: the DICOM header's modality,
 * photometric interpretation, presentation intent and VOI transforms, and what was already done to
 * the values when the file was read (e.g. {@code MONOCHROME1 inverted}), for provenance.
 *
 * @param modality Modality (0008,0060), if known
 * @param photometric the photometric interpretation of the values as given to the steps: {@code
 *     MONOCHROME2} (also for a MONOCHROME1 file, which is inverted when read) or {@code RGB}
 * @param presentationIntent Presentation Intent Type (0008,0068), e.g. {@code FOR PRESENTATION}
 * @param windows the header's VOI windows, in file order, on the values as given to the steps
 * @param voiLut the header's first VOI LUT table, on the values as given to the steps
 * @param read what was done to the stored values when read, in order (empty when nothing)
 */
public record ImageContext(
        Optional<String> modality,
        String photometric,
        Optional<String> presentationIntent,
        List<ImageContext.Window> windows,
        Optional<ImageContext.Table> voiLut,
        List<String> read) {

    /** No header: a grey image of unknown origin (phantoms, arrays). */
    public static final ImageContext NONE =
            new ImageContext(
                    Optional.empty(),
                    "MONOCHROME2",
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of());

    /** No header: an RGB image of unknown origin. */
    public static final ImageContext RGB =
            new ImageContext(
                    Optional.empty(),
                    "RGB",
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of());

    public ImageContext {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(photometric, "photometric");
        Objects.requireNonNull(presentationIntent, "presentationIntent");
        Objects.requireNonNull(voiLut, "voiLut");
        windows = List.copyOf(windows);
        read = List.copyOf(read);
    }

    /**
     * A VOI window (Window Center (0028,1050), Window Width (0028,1051)) with the LINEAR function
     * of PS3.3 C.11.2.1.2.1: {@code x ≤ c − 0.5 − (w − 1)/2 → 0}, {@code x > c − 0.5 + (w − 1)/2 →
     * 1}, else {@code (x − (c − 0.5)) / (w − 1) + 0.5}.
     *
     * @param center the centre, on the values as given to the steps
     * @param width the width, at least 1
     */
    public record Window(double center, double width) {

        public Window {
            if (!Double.isFinite(center) || !(width >= 1) || !Double.isFinite(width)) {
                throw new IllegalArgumentException(
                        "window is not a finite centre with width >= 1: " + center + ", " + width);
            }
        }

        /** Returns the value in [0, 1] of {@code x}. */
        public double apply(double x) {
            if (x <= center - 0.5 - (width - 1) / 2) return 0;
            if (x > center - 0.5 + (width - 1) / 2) return 1;
            return (x - (center - 0.5)) / (width - 1) + 0.5;
        }
    }

    /**
     * A VOI LUT table (PS3.3 C.11.2.1.1): {@code x → table[clamp(floor(x) − firstMapped, 0, n − 1)]
     * / (2^bits − 1)}, in [0, 1].
     *
     * @param firstMapped the value of the first entry
     * @param bits bits per entry, 1 to 16
     * @param table the entries, not empty (not copied: treat as read-only)
     */
    public record Table(int firstMapped, int bits, int[] table) {

        public Table {
            if (table == null || table.length == 0 || bits < 1 || bits > 16) {
                throw new IllegalArgumentException(
                        "a VOI LUT needs entries and 1 to 16 bits: " + bits);
            }
        }

        /** Returns the value in [0, 1] of {@code x}. */
        public double apply(double x) {
            double i = Math.floor(x) - firstMapped;
            int k = (int) Math.max(0, Math.min(table.length - 1, i));
            return table[k] / (double) ((1 << bits) - 1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Table t
                    && firstMapped == t.firstMapped
                    && bits == t.bits
                    && Arrays.equals(table, t.table);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * firstMapped + bits) + Arrays.hashCode(table);
        }
    }
}
