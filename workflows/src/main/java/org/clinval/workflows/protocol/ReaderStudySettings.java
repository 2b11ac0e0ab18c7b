package org.clinval.workflows.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.mrmc.OrCovariance;
import org.clinval.validation.mrmc.OrFactors;

/**
 * The protocol's {@code reader_study} block: a multi-reader multi-case study of the readers without
 * the device (unaided, the reference) and with it (aided, the test), analysed as the
 * reader-averaged AUC of each modality and their difference aided − unaided; with a threshold also
 * as the readers' sensitivity and specificity, a read being a positive call when {@code score rule
 * threshold} on the scale of the reads as given (binary 0/1 reads: threshold 1).
 *
 * @param reads the CSV of the reads, columns {@code reader,case,modality,score}; {@code case} is
 *     the ground truth's {@code case_id}
 * @param unaided the modality name of the reads without the device
 * @param aided the modality name of the reads with the device
 * @param analysis how the reads are analysed
 * @param covariance the error covariances of the Obuchowski–Rockette analysis; empty for Gallas
 * @param factors which of readers and cases are random (Gallas: both)
 * @param threshold the threshold that makes a read a positive call, for the readers' sensitivity
 *     and specificity; empty when the protocol states none (then they are not analysed)
 * @param rule how the threshold is applied ({@code >=} unless the protocol says {@code >})
 */
public record ReaderStudySettings(
        Path reads,
        String unaided,
        String aided,
        Analysis analysis,
        Optional<OrCovariance> covariance,
        OrFactors factors,
        OptionalDouble threshold,
        ThresholdRule rule) {

    /** A reader study without a threshold: the AUC analysis only. */
    public ReaderStudySettings(
            Path reads,
            String unaided,
            String aided,
            Analysis analysis,
            Optional<OrCovariance> covariance,
            OrFactors factors) {
        this(
                reads,
                unaided,
                aided,
                analysis,
                covariance,
                factors,
                OptionalDouble.empty(),
                ThresholdRule.GE);
    }

    /** The analyses of a reader study, as the protocol spells them. */
    public enum Analysis {
        /** Obuchowski–Rockette with Hillis's df; fully crossed studies only. */
        OBUCHOWSKI_ROCKETTE,
        /** iMRMC's U-statistic MRMC variance (Gallas 2006, 2009); any design. */
        GALLAS;

        /** Returns the protocol's name, e.g. {@code obuchowski_rockette}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the name in words, e.g. {@code Obuchowski-Rockette}. */
        public String label() {
            return this == GALLAS ? "Gallas U-statistics (iMRMC)" : "Obuchowski-Rockette";
        }

        /** Parses a protocol name. */
        public static Analysis parse(String text) {
            for (Analysis a : values()) {
                if (a.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
            throw new IllegalArgumentException("analysis is not one of " + KEYS + ": " + text);
        }

        /** The protocol's names. */
        public static final List<String> KEYS = List.of("obuchowski_rockette", "gallas");
    }

    public ReaderStudySettings {
        if (unaided.equals(aided)) {
            throw new IllegalArgumentException(
                    "unaided and aided are the same modality: " + unaided);
        }
        if ((analysis == Analysis.OBUCHOWSKI_ROCKETTE) != covariance.isPresent()) {
            throw new IllegalArgumentException(
                    "covariance is stated for obuchowski_rockette only, and required there");
        }
        if (analysis == Analysis.GALLAS && factors != OrFactors.RANDOM_READERS_RANDOM_CASES) {
            throw new IllegalArgumentException(
                    "the gallas analysis takes random readers and random cases only: " + factors);
        }
        if (threshold.isPresent() && !Double.isFinite(threshold.getAsDouble())) {
            throw new IllegalArgumentException(
                    "the threshold must be finite: " + threshold.getAsDouble());
        }
        java.util.Objects.requireNonNull(rule, "rule");
    }

    /** Returns whether the readers' sensitivity and specificity are analysed (a threshold). */
    public boolean hasThreshold() {
        return threshold.isPresent();
    }

    /** Returns {@code random} or {@code fixed} for the readers. */
    public String readersFactor() {
        return factors == OrFactors.FIXED_READERS_RANDOM_CASES ? "fixed" : "random";
    }

    /** Returns {@code random} or {@code fixed} for the cases. */
    public String casesFactor() {
        return factors == OrFactors.RANDOM_READERS_FIXED_CASES ? "fixed" : "random";
    }
}
