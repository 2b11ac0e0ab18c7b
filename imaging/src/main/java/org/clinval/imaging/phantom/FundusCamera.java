package org.clinval.imaging.phantom;

import java.util.List;

/**
 * How one fundus camera renders the same retina: its identity tags and its optics.
 *
 * @param id site code, e.g. {@code A}
 * @param manufacturer DICOM Manufacturer
 * @param model DICOM Manufacturer's Model Name
 * @param station DICOM Station Name
 * @param gainRed gain of the red channel (colour balance)
 * @param gainGreen gain of the green channel
 * @param gainBlue gain of the blue channel
 * @param gamma exponent applied to the reflectance before the gains
 * @param vignetting share of brightness lost at the edge of the field (quadratic fall-off)
 * @param noise standard deviation of the sensor noise, in 8-bit units
 * @param fieldOfViewDegrees the camera's field of view (DICOM Horizontal Field of View)
 */
public record FundusCamera(
        String id,
        String manufacturer,
        String model,
        String station,
        double gainRed,
        double gainGreen,
        double gainBlue,
        double gamma,
        double vignetting,
        double noise,
        double fieldOfViewDegrees) {

    public FundusCamera {
        for (double g : new double[] {gainRed, gainGreen, gainBlue, gamma}) {
            if (!(g > 0 && g < 4)) {
                throw new IllegalArgumentException(
                        "camera " + id + ": a gain or gamma is not in (0, 4): " + g);
            }
        }
        if (!(vignetting >= 0 && vignetting < 1)) {
            throw new IllegalArgumentException(
                    "camera " + id + ": vignetting is not in [0, 1): " + vignetting);
        }
        if (!(noise >= 0 && noise < 64)) {
            throw new IllegalArgumentException(
                    "camera " + id + ": noise is not in [0, 64): " + noise);
        }
    }

    /**
     * Three cameras that differ as real ones do: a warm, red-rich one; a yellower one with strong
     * vignetting; a cool, dim, noisier one.
     */
    public static List<FundusCamera> standard() {
        return List.of(
                new FundusCamera(
                        "A", "TOPCON", "TRC-NW8", "FUNDUS01", 1.05, 0.95, 0.85, 1.0, 0.25, 3, 45),
                new FundusCamera(
                        "B", "Canon", "CR-2 AF", "FUNDUS02", 0.95, 1.1, 0.7, 0.9, 0.45, 4, 45),
                new FundusCamera(
                        "C",
                        "ZEISS",
                        "VISUCAM 500",
                        "FUNDUS03",
                        0.85,
                        0.9,
                        1.15,
                        1.15,
                        0.3,
                        6,
                        45));
    }
}
