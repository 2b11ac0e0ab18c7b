package org.clinval.imaging.phantom;

import java.util.List;

/**
 * How one site's scanner renders the same anatomy: its identity tags and its physics.
 *
 * @param id site code, e.g. {@code A}
 * @param manufacturer DICOM Manufacturer
 * @param model DICOM ManufacturerModelName
 * @param station DICOM StationName
 * @param kernel DICOM ConvolutionKernel
 * @param kvp tube voltage, DICOM KVP
 * @param fieldOfViewMm reconstruction field of view; pixel spacing is this over the matrix size
 * @param sliceThicknessMm slice thickness and spacing of volumes
 * @param blurMm standard deviation of the reconstruction kernel's Gaussian blur (smooth kernels
 *     blur more)
 * @param noiseHu standard deviation of the image noise in HU (sharp kernels are noisier)
 * @param huOffset calibration error added to every voxel, in HU
 * @param drifted whether this site stands for a scanner that drifted out of calibration
 */
public record SiteProfile(
        String id,
        String manufacturer,
        String model,
        String station,
        String kernel,
        double kvp,
        double fieldOfViewMm,
        double sliceThicknessMm,
        double blurMm,
        double noiseHu,
        double huOffset,
        boolean drifted) {

    /** Three sites that differ as real scanners do. */
    public static List<SiteProfile> standard() {
        return List.of(
                new SiteProfile(
                        "A",
                        "SIEMENS",
                        "SOMATOM Definition AS",
                        "CTAWP01",
                        "B30f",
                        120,
                        350,
                        1.5,
                        0.9,
                        18,
                        0,
                        false),
                new SiteProfile(
                        "B",
                        "GE MEDICAL SYSTEMS",
                        "LightSpeed VCT",
                        "GECT02",
                        "STANDARD",
                        120,
                        380,
                        2.5,
                        1.1,
                        14,
                        3,
                        false),
                new SiteProfile(
                        "C", "Philips", "iCT 256", "PHCT03", "B", 100, 330, 2.0, 0.8, 24, -4,
                        false));
    }

    /** A site whose scanner drifted: HU miscalibrated by +60 and a sharp, noisy kernel. */
    public static SiteProfile driftedSite() {
        return new SiteProfile(
                "D",
                "SIEMENS",
                "SOMATOM Definition AS",
                "CTAWP04",
                "B70f",
                120,
                350,
                1.5,
                0.4,
                45,
                60,
                true);
    }
}
