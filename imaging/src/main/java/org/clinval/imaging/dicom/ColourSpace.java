package org.clinval.imaging.dicom;

/**
 * Colour images as a model sees them: three planes R, G, B in [0, 255]. YBR_FULL (PS3.3
 * C.7.6.3.1.2, which also holds YBR_FULL_422 once its chroma is repeated for both pixels of a pair,
 * as the reader does) is converted with the full-range ITU-R BT.601 equations
 *
 * <pre>
 *   R = Y                                + 1.402    · (Cr − 128)
 *   G = Y − 0.114 · 1.772 / 0.587 · (Cb − 128) − 0.299 · 1.402 / 0.587 · (Cr − 128)
 *   B = Y + 1.772 · (Cb − 128)
 * </pre>
 *
 * <p>rounded half up and clipped to [0, 255], in single precision as pydicom's {@code
 * convert_color_space} computes them, so both give the same integers.
 */
public final class ColourSpace {

    private static final float G_CB = (float) (-0.114 * 1.772 / 0.587);
    private static final float G_CR = (float) (-0.299 * 1.402 / 0.587);
    private static final float R_CR = 1.402f;
    private static final float B_CB = 1.772f;

    private ColourSpace() {}

    /** Whether {@link #planarRgb} converts this decoded photometric interpretation. */
    public static boolean converts(String photometric) {
        return photometric.equals("RGB") || photometric.equals("YBR_FULL");
    }

    /**
     * Returns frame {@code frame} of a colour image as planes R, G, B ({@code 3 · rows · columns}
     * values, channel-major), converting YBR_FULL to RGB.
     *
     * @throws IllegalArgumentException if the image is grey, or its decoded photometric
     *     interpretation is neither RGB nor YBR_FULL (e.g. YBR_ICT a codec left unconverted)
     */
    public static float[] planarRgb(DicomImage image, int frame) {
        if (image.samplesPerPixel() != 3) {
            throw new IllegalArgumentException(
                    "the image is grey-scale (" + image.photometricInterpretation() + ")");
        }
        String p = image.photometricInterpretation();
        if (!converts(p)) {
            throw new IllegalArgumentException(
                    "colour in Photometric Interpretation "
                            + p
                            + " is not converted to RGB (RGB, YBR_FULL and YBR_FULL_422 are)");
        }
        boolean ybr = p.equals("YBR_FULL");
        float[] in = image.frame(frame);
        int n = image.rows() * image.columns();
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float a = in[3 * i], b = in[3 * i + 1], c = in[3 * i + 2];
            if (ybr) {
                float cb = b - 128f, cr = c - 128f;
                out[i] = round(a + cr * R_CR);
                out[n + i] = round(a + cb * G_CB + cr * G_CR);
                out[2 * n + i] = round(a + cb * B_CB);
            } else {
                out[i] = a;
                out[n + i] = b;
                out[2 * n + i] = c;
            }
        }
        return out;
    }

    private static float round(float x) {
        return Math.max(0f, Math.min(255f, (float) Math.floor(x + 0.5f)));
    }
}
