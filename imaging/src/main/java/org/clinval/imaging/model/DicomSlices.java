package org.clinval.imaging.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.imaging.dicom.ColourSpace;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.dicom.PixelBits;
import org.clinval.imaging.dicom.PixelSpacing;
import org.clinval.imaging.preprocess.ImageContext;

/**
 * The model input of a DICOM file: its single frame, grey after the modality LUT or colour as R, G,
 * B planes, with spacing and the header context the preprocessing steps may need.
 *
 * <p>A MONOCHROME1 image (low values white) is turned into its MONOCHROME2 equivalent: {@code v →
 * lo + hi − v}, where {@code lo} and {@code hi} are the modality-LUT values of the smallest and
 * largest stored values the bits allow, and its VOI windows and table are mapped the same way, so
 * that a MONOCHROME1 image and its MONOCHROME2 inverse give the same model input (exactly when the
 * modality LUT is an integer rescale or a table); the context records {@value #INVERTED}. Colour in
 * YBR_FULL or YBR_FULL_422 is converted to RGB ({@link ColourSpace}).
 */
public final class DicomSlices {

    /** What the context's {@code read} records for an inverted MONOCHROME1 image. */
    public static final String INVERTED = "MONOCHROME1 inverted";

    private DicomSlices() {}

    /**
     * Reads {@code file} as a model input; the file must have Pixel Spacing.
     *
     * @throws DicomReadException if the file is not a readable DICOM image, or not one the models
     *     take: several frames, colour that cannot be converted, or no pixel spacing (the message
     *     names the file and why)
     */
    public static ImageSlice read(Path file) throws DicomReadException {
        return read(file, true);
    }

    /**
     * Reads {@code file} as a model input; without Pixel Spacing the slice's spacing is NaN unless
     * {@code spacingRequired} (a segmenter's areas need it).
     */
    public static ImageSlice read(Path file, boolean spacingRequired) throws DicomReadException {
        return of(DicomReader.read(file), spacingRequired);
    }

    /** Returns the model input of an image already read; see {@link #read(Path, boolean)}. */
    public static ImageSlice of(DicomImage image, boolean spacingRequired)
            throws DicomReadException {
        if (image.frames() != 1) {
            throw refused(image, image.frames() + " frames; the models take one frame");
        }
        Optional<PixelSpacing> spacing = image.geometry().spacing();
        if (spacing.isEmpty() && spacingRequired) {
            throw refused(image, "no pixel spacing, so sizes in mm are unknown");
        }
        double sr = spacing.map(PixelSpacing::row).orElse(Double.NaN);
        double sc = spacing.map(PixelSpacing::column).orElse(Double.NaN);
        Optional<String> modality = image.metadata().modality();
        if (image.samplesPerPixel() == 3) {
            float[] rgb;
            try {
                rgb = ColourSpace.planarRgb(image, 0);
            } catch (IllegalArgumentException e) {
                throw refused(image, e.getMessage());
            }
            String p = image.photometricInterpretation();
            List<String> read = p.equals("RGB") ? List.of() : List.of(p + " converted to RGB");
            ImageContext c =
                    new ImageContext(
                            modality,
                            "RGB",
                            image.presentationIntent(),
                            List.of(),
                            Optional.empty(),
                            read);
            return new ImageSlice(rgb, image.rows(), image.columns(), sr, sc, 3, c);
        }
        float[] v = image.frame(0);
        List<ImageContext.Window> windows =
                image.windows().stream()
                        .map(w -> new ImageContext.Window(w.center(), w.width()))
                        .toList();
        Optional<ImageContext.Table> lut =
                image.voiLut()
                        .map(t -> new ImageContext.Table(t.firstMapped(), t.bits(), t.table()));
        List<String> read = new ArrayList<>();
        if (image.inverted()) {
            PixelBits bits =
                    image.bits()
                            .orElseThrow(
                                    () ->
                                            refused(
                                                    image,
                                                    "MONOCHROME1 without Bits Stored cannot be"
                                                            + " inverted"));
            double sum =
                    image.modalityLut().apply(bits.minStored())
                            + image.modalityLut().apply(bits.maxStored());
            for (int i = 0; i < v.length; i++) v[i] = (float) (sum - v[i]);
            windows =
                    windows.stream()
                            .map(w -> new ImageContext.Window(sum - w.center(), w.width()))
                            .toList();
            lut = lut.map(t -> invert(t, sum));
            read.add(INVERTED);
        }
        ImageContext c =
                new ImageContext(
                        modality, "MONOCHROME2", image.presentationIntent(), windows, lut, read);
        return new ImageSlice(v, image.rows(), image.columns(), sr, sc, 1, c);
    }

    /** The table on inverted values: reversed, each entry complemented (see the class comment). */
    private static ImageContext.Table invert(ImageContext.Table t, double sum) {
        int[] e = t.table();
        int max = (1 << t.bits()) - 1;
        int[] out = new int[e.length];
        for (int i = 0; i < e.length; i++) out[i] = max - e[e.length - 1 - i];
        int first = (int) Math.round(sum) - (t.firstMapped() + e.length - 1);
        return new ImageContext.Table(first, t.bits(), out);
    }

    private static DicomReadException refused(DicomImage image, String why) {
        return new DicomReadException(image.file(), image.metadata().transferSyntax(), why);
    }
}
