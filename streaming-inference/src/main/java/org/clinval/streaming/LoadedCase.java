package org.clinval.streaming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.preprocess.ImageContext;

/**
 * An image read from its file: model-input pixel values (physical values for grey images, HU for
 * CT, a MONOCHROME1 image already inverted; R, G, B planes for colour) and what the model and the
 * subgroups need to know about it. Never carries identifying data. The header context the
 * preprocessing steps may need is held in plain fields (strings and primitive arrays) so that the
 * record stays a Flink POJO.
 *
 * @param caseId the case
 * @param file the file's pseudonymous id, used in messages
 * @param modality DICOM Modality
 * @param manufacturer DICOM Manufacturer
 * @param rows image rows
 * @param columns image columns
 * @param rowSpacingMm pixel spacing between rows (NaN when the file has none)
 * @param columnSpacingMm pixel spacing between columns (NaN when the file has none)
 * @param pixels values, planar (channel-major) and row-major within a channel
 * @param channels 1 (grey) or 3 (R, G, B)
 * @param photometric photometric interpretation of {@code pixels}: MONOCHROME2 or RGB
 * @param presentationIntent Presentation Intent Type, empty when absent
 * @param windowCenters the header's VOI window centres (on {@code pixels})
 * @param windowWidths the header's VOI window widths, as many as the centres
 * @param voiLutFirstMapped the first mapped value of the header's VOI LUT table
 * @param voiLutBits bits per entry of the VOI LUT table
 * @param voiLutTable the VOI LUT table's entries, empty when there is none
 * @param read what was done to the stored values when read, joined by {@code "; "}
 */
public record LoadedCase(
        String caseId,
        String file,
        String modality,
        String manufacturer,
        int rows,
        int columns,
        double rowSpacingMm,
        double columnSpacingMm,
        float[] pixels,
        int channels,
        String photometric,
        String presentationIntent,
        double[] windowCenters,
        double[] windowWidths,
        int voiLutFirstMapped,
        int voiLutBits,
        int[] voiLutTable,
        String read) {

    /** A grey image without header context. */
    public LoadedCase(
            String caseId,
            String file,
            String modality,
            String manufacturer,
            int rows,
            int columns,
            double rowSpacingMm,
            double columnSpacingMm,
            float[] pixels) {
        this(
                caseId,
                file,
                modality,
                manufacturer,
                rows,
                columns,
                rowSpacingMm,
                columnSpacingMm,
                pixels,
                1,
                "MONOCHROME2",
                "",
                new double[0],
                new double[0],
                0,
                16,
                new int[0],
                "");
    }

    /** The case of an image read as a model input. */
    public static LoadedCase of(
            String caseId, String file, String modality, String manufacturer, ImageSlice s) {
        ImageContext c = s.context();
        List<ImageContext.Window> w = c.windows();
        Optional<ImageContext.Table> lut = c.voiLut();
        return new LoadedCase(
                caseId,
                file,
                modality,
                manufacturer,
                s.rows(),
                s.columns(),
                s.rowSpacingMm(),
                s.columnSpacingMm(),
                s.hu(),
                s.channels(),
                c.photometric(),
                c.presentationIntent().orElse(""),
                w.stream().mapToDouble(ImageContext.Window::center).toArray(),
                w.stream().mapToDouble(ImageContext.Window::width).toArray(),
                lut.map(ImageContext.Table::firstMapped).orElse(0),
                lut.map(ImageContext.Table::bits).orElse(16),
                lut.map(ImageContext.Table::table).orElse(new int[0]),
                String.join("; ", c.read()));
    }

    /**
     * Returns the image as a model input with its header context.
     *
     * @throws IllegalArgumentException if the values are not a valid image
     */
    public ImageSlice slice() {
        List<ImageContext.Window> w = new ArrayList<>();
        for (int i = 0; i < Math.min(windowCenters.length, windowWidths.length); i++) {
            w.add(new ImageContext.Window(windowCenters[i], windowWidths[i]));
        }
        Optional<ImageContext.Table> lut =
                voiLutTable.length == 0
                        ? Optional.empty()
                        : Optional.of(
                                new ImageContext.Table(voiLutFirstMapped, voiLutBits, voiLutTable));
        ImageContext c =
                new ImageContext(
                        modality.isEmpty() ? Optional.empty() : Optional.of(modality),
                        photometric,
                        presentationIntent.isEmpty()
                                ? Optional.empty()
                                : Optional.of(presentationIntent),
                        w,
                        lut,
                        read.isEmpty() ? List.of() : Arrays.asList(read.split("; ")));
        return new ImageSlice(pixels, rows, columns, rowSpacingMm, columnSpacingMm, channels, c);
    }
}
