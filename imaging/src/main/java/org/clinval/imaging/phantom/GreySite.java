package org.clinval.imaging.phantom;

import java.util.List;

/**
 * One site's MR scanner or X-ray detector: identity tags and how it scales intensities.
 *
 * @param id site code
 * @param manufacturer DICOM Manufacturer
 * @param model DICOM Manufacturer's Model Name
 * @param station DICOM Station Name
 * @param scale factor from the phantom's nominal intensities to stored values (MR: the scanner's
 *     arbitrary receiver scaling, which is why MR models z-score each image)
 * @param offset added to every stored value before clipping
 * @param noise standard deviation of the noise in nominal units
 * @param monochrome1Share share of this site's images stored MONOCHROME1 (X-ray only)
 * @param fieldStrengthTesla MR field strength (0 for X-ray)
 */
public record GreySite(
        String id,
        String manufacturer,
        String model,
        String station,
        double scale,
        double offset,
        double noise,
        double monochrome1Share,
        double fieldStrengthTesla) {

    public GreySite {
        if (!(scale > 0 && scale < 20)) {
            throw new IllegalArgumentException(
                    "site " + id + ": scale is not in (0, 20): " + scale);
        }
        if (!(monochrome1Share >= 0 && monochrome1Share <= 1)) {
            throw new IllegalArgumentException(
                    "site " + id + ": MONOCHROME1 share is not in [0, 1]: " + monochrome1Share);
        }
    }

    /** Three MR sites whose intensity scales differ by a factor of almost six. */
    public static List<GreySite> mr() {
        return List.of(
                new GreySite("A", "SIEMENS", "MAGNETOM Avanto", "MRAWP01", 1.0, 0, 25, 0, 1.5),
                new GreySite(
                        "B", "GE MEDICAL SYSTEMS", "SIGNA Premier", "GEMR02", 2.6, 0, 30, 0, 3.0),
                new GreySite("C", "Philips", "Ingenia", "PHMR03", 0.45, 0, 20, 0, 1.5));
    }

    /** Three X-ray sites: one stores MONOCHROME1, one MONOCHROME2, one both. */
    public static List<GreySite> dx() {
        return List.of(
                new GreySite("A", "Carestream Health", "DRX-1", "DXAWP01", 1.0, 0, 40, 1, 0),
                new GreySite("B", "Philips", "DigitalDiagnost", "PHDX02", 0.85, 300, 30, 0, 0),
                new GreySite(
                        "C",
                        "FUJIFILM Corporation",
                        "FDR D-EVO II",
                        "FUDX03",
                        1.1,
                        -150,
                        50,
                        0.5,
                        0));
    }
}
