package org.clinval.workflows.protocol;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.interval.BinomialInterval;

/**
 * What a drafted protocol says, for {@link ProtocolWriter}; with the placeholders a draft starts
 * from. Paths are written as given (relative to the protocol's folder, or absolute and then under
 * one of {@code allowedRoots}).
 *
 * @param id study identifier
 * @param title the study's title
 * @param intendedUse the intended use, in words
 * @param device name, version, descriptor path (as written) and its SHA-256
 * @param dicom the image folder, as written
 * @param groundTruth the ground-truth CSV, as written
 * @param modalities the DICOM modality codes the study takes
 * @param operatingPoint threshold, rule, positive class, direction
 * @param endpoints the endpoints with their criteria
 * @param subgroups the subgroup analysis
 * @param statistics methods of the tables and the bootstrap
 * @param features the folder of acceptance criteria, as written
 * @param allowedRoots folders outside the protocol's folder that paths may point into
 * @param notes comment lines for a key path (e.g. {@code dataset.modalities}), written above it
 */
public record ProtocolDraft(
        String id,
        String title,
        String intendedUse,
        DeviceText device,
        String dicom,
        String groundTruth,
        List<String> modalities,
        OperatingPoint operatingPoint,
        List<Endpoint> endpoints,
        Subgroups subgroups,
        StatisticalMethods statistics,
        String features,
        List<String> allowedRoots,
        Map<String, String> notes) {

    public ProtocolDraft {
        modalities = List.copyOf(modalities);
        endpoints = List.copyOf(endpoints);
        allowedRoots = List.copyOf(allowedRoots);
        notes = Map.copyOf(notes);
    }

    /** The bootstrap seed of a drafted protocol: fixed, so that re-runs give the same intervals. */
    public static final long SEED = 20261121;

    /** The intended use of a drafted protocol: valid text that plainly asks to be replaced. */
    public static final String INTENDED_USE =
            "REPLACE: who uses the device, on which patients and images, to find what, and how its"
                    + " output is used.";

    /** The fewest positives and negatives of an informative subgroup in a drafted protocol. */
    public static final int MIN_PER_CLASS = 30;

    /**
     * The device as the protocol writes it.
     *
     * @param name product name
     * @param version version under test
     * @param model the descriptor's path, as written
     * @param sha256 the descriptor's SHA-256
     */
    public record DeviceText(String name, String version, String model, String sha256) {}

    /**
     * The endpoints a drafted protocol starts from, with placeholder goals and requirement ids:
     * sensitivity and specificity at the operating point (primary, Clopper–Pearson) and the AUC
     * (secondary, DeLong), each at 95%.
     */
    public static List<Endpoint> placeholderEndpoints() {
        ConfidenceLevel l95 = ConfidenceLevel.of(0.95);
        return List.of(
                endpoint(
                        "EP1",
                        EndpointRole.PRIMARY,
                        "Sensitivity at the operating point",
                        Measure.SENSITIVITY,
                        0.80,
                        0.70,
                        CiMethod.CLOPPER_PEARSON,
                        l95),
                endpoint(
                        "EP2",
                        EndpointRole.PRIMARY,
                        "Specificity at the operating point",
                        Measure.SPECIFICITY,
                        0.80,
                        0.70,
                        CiMethod.CLOPPER_PEARSON,
                        l95),
                endpoint(
                        "EP3",
                        EndpointRole.SECONDARY,
                        "Area under the ROC curve",
                        Measure.AUC,
                        0.85,
                        0.75,
                        CiMethod.DELONG,
                        l95));
    }

    private static Endpoint endpoint(
            String id,
            EndpointRole role,
            String name,
            Measure m,
            double estimate,
            double lower,
            CiMethod method,
            ConfidenceLevel level) {
        return new Endpoint(
                id,
                role,
                name,
                new Criterion(
                        m, OptionalDouble.of(estimate), OptionalDouble.of(lower), method, level),
                List.of("REQ-TODO-" + id),
                List.of());
    }

    /**
     * The statistics of a drafted protocol: Clopper–Pearson at 95%, 2000 replicates, {@link #SEED}.
     */
    public static StatisticalMethods placeholderStatistics() {
        return new StatisticalMethods(
                BinomialInterval.CLOPPER_PEARSON, ConfidenceLevel.of(0.95), 2000, SEED);
    }
}
