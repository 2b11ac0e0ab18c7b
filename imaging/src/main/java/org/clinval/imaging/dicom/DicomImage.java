package org.clinval.imaging.dicom;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded DICOM image: every frame's pixels as physical values (after the modality LUT, e.g.
 * Hounsfield units for CT), with the geometry and metadata needed to use them. Immutable: the pixel
 * arrays are copied in and only copies or read-only views leave.
 *
 * <p>Pixels of a frame are in row-major order; for colour images ({@code samplesPerPixel == 3}) the
 * samples of a pixel are adjacent ({@code r, g, b, r, g, b…}), in the decoded photometric
 * interpretation, and no modality LUT applies to them.
 */
public final class DicomImage {

    private final Path file;
    private final int rows;
    private final int columns;
    private final int samplesPerPixel;
    private final String photometricInterpretation;
    private final float[][] frames;
    private final ModalityLut modalityLut;
    private final List<VoiWindow> windows;
    private final ImageGeometry geometry;
    private final DicomMetadata metadata;
    private final Optional<VoiLut> voiLut;
    private final Optional<String> presentationIntent;
    private final Optional<PixelBits> bits;

    /**
     * Creates an image without a VOI LUT, presentation intent or stored-value range; each frame
     * must hold {@code rows · columns · samplesPerPixel} finite values.
     */
    public DicomImage(
            Path file,
            int rows,
            int columns,
            int samplesPerPixel,
            String photometricInterpretation,
            float[][] frames,
            ModalityLut modalityLut,
            List<VoiWindow> windows,
            ImageGeometry geometry,
            DicomMetadata metadata) {
        this(
                file,
                rows,
                columns,
                samplesPerPixel,
                photometricInterpretation,
                frames,
                modalityLut,
                windows,
                geometry,
                metadata,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * Creates an image; each frame must hold {@code rows · columns · samplesPerPixel} finite
     * values.
     *
     * @param voiLut the first VOI LUT table of the header, if any
     * @param presentationIntent Presentation Intent Type (0008,0068), if present
     * @param bits Bits Stored and Pixel Representation, which bound the stored values
     */
    public DicomImage(
            Path file,
            int rows,
            int columns,
            int samplesPerPixel,
            String photometricInterpretation,
            float[][] frames,
            ModalityLut modalityLut,
            List<VoiWindow> windows,
            ImageGeometry geometry,
            DicomMetadata metadata,
            Optional<VoiLut> voiLut,
            Optional<String> presentationIntent,
            Optional<PixelBits> bits) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException(
                    "image size is not positive: " + rows + "x" + columns);
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            throw new IllegalArgumentException(
                    "samples per pixel is not 1 or 3: " + samplesPerPixel);
        }
        if (frames.length < 1) {
            throw new IllegalArgumentException("an image needs at least one frame");
        }
        int n = rows * columns * samplesPerPixel;
        this.frames = new float[frames.length][];
        for (int f = 0; f < frames.length; f++) {
            if (frames[f].length != n) {
                throw new IllegalArgumentException(
                        "frame " + f + " has " + frames[f].length + " values, expected " + n);
            }
            for (float v : frames[f]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("frame " + f + " holds a non-finite value");
                }
            }
            this.frames[f] = frames[f].clone();
        }
        this.file = Objects.requireNonNull(file, "file");
        this.rows = rows;
        this.columns = columns;
        this.samplesPerPixel = samplesPerPixel;
        this.photometricInterpretation =
                Objects.requireNonNull(photometricInterpretation, "photometricInterpretation");
        this.modalityLut = Objects.requireNonNull(modalityLut, "modalityLut");
        this.windows = List.copyOf(windows);
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.voiLut = Objects.requireNonNull(voiLut, "voiLut");
        this.presentationIntent = Objects.requireNonNull(presentationIntent, "presentationIntent");
        this.bits = Objects.requireNonNull(bits, "bits");
    }

    /** The file the image was read from. */
    public Path file() {
        return file;
    }

    /** Rows (0028,0010): the image height. */
    public int rows() {
        return rows;
    }

    /** Columns (0028,0011): the image width. */
    public int columns() {
        return columns;
    }

    /** Number of frames, 1 for a single-frame image. */
    public int frames() {
        return frames.length;
    }

    /** Samples per pixel: 1 (grey) or 3 (colour). */
    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    /**
     * The photometric interpretation of the decoded values, e.g. {@code MONOCHROME2}; {@code RGB}
     * where the codec converted YCbCr to RGB while decoding (JPEG), which can differ from the
     * header's value.
     */
    public String photometricInterpretation() {
        return photometricInterpretation;
    }

    /** Whether grey values are to be shown inverted (MONOCHROME1: low values white). */
    public boolean inverted() {
        return "MONOCHROME1".equals(photometricInterpretation);
    }

    /** Whether the image is grey-scale (MONOCHROME1 or MONOCHROME2). */
    public boolean monochrome() {
        return samplesPerPixel == 1 && photometricInterpretation.startsWith("MONOCHROME");
    }

    /** Returns a copy of one frame's physical values. */
    public float[] frame(int frame) {
        return frames[checkFrame(frame)].clone();
    }

    /** Returns a read-only view of one frame's physical values, without copying. */
    public FloatBuffer frameBuffer(int frame) {
        return FloatBuffer.wrap(frames[checkFrame(frame)]).asReadOnlyBuffer();
    }

    /** Returns the physical value at ({@code row}, {@code column}) of a grey-scale frame. */
    public float value(int frame, int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IllegalArgumentException(
                    "pixel (" + row + ", " + column + ") is outside " + rows + "x" + columns);
        }
        return frames[checkFrame(frame)][(row * columns + column) * samplesPerPixel];
    }

    /**
     * Returns one grey-scale frame for display: each value through {@code window} (PS3.3
     * C.11.2.1.2.1) into [0, 1], then inverted for MONOCHROME1, so that 0 is black.
     *
     * @throws IllegalStateException for a colour image
     */
    public float[] display(int frame, VoiWindow window) {
        if (!monochrome()) {
            throw new IllegalStateException(
                    "a VOI window applies to grey-scale images, not " + photometricInterpretation);
        }
        float[] src = frames[checkFrame(frame)];
        float[] out = new float[src.length];
        boolean invert = inverted();
        for (int i = 0; i < src.length; i++) {
            double d = window.apply(src[i]);
            out[i] = (float) (invert ? 1 - d : d);
        }
        return out;
    }

    /** The modality LUT that turned stored values into the values of this image. */
    public ModalityLut modalityLut() {
        return modalityLut;
    }

    /** The VOI windows the file suggests for display, in file order (possibly none). */
    public List<VoiWindow> windows() {
        return windows;
    }

    /** The first suggested VOI window, if any. */
    public Optional<VoiWindow> window() {
        return windows.isEmpty() ? Optional.empty() : Optional.of(windows.get(0));
    }

    /** The first VOI LUT table of the header (VOI LUT Sequence (0028,3010)), if any. */
    public Optional<VoiLut> voiLut() {
        return voiLut;
    }

    /** Presentation Intent Type (0008,0068), e.g. {@code FOR PRESENTATION}, if present. */
    public Optional<String> presentationIntent() {
        return presentationIntent;
    }

    /** Bits Stored and Pixel Representation, which bound the stored values, if known. */
    public Optional<PixelBits> bits() {
        return bits;
    }

    /** Where the image lies in the patient. */
    public ImageGeometry geometry() {
        return geometry;
    }

    /** Header values for subgroups, drift and provenance. */
    public DicomMetadata metadata() {
        return metadata;
    }

    private int checkFrame(int frame) {
        if (frame < 0 || frame >= frames.length) {
            throw new IllegalArgumentException(
                    "frame " + frame + " is outside 0.." + (frames.length - 1));
        }
        return frame;
    }

    @Override
    public String toString() {
        return "DicomImage["
                + file
                + ", "
                + rows
                + "x"
                + columns
                + "x"
                + frames.length
                + ", "
                + photometricInterpretation
                + "]";
    }
}
