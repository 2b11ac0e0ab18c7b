package org.clinval.validation.mrmc;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A reader-averaged AUC, or a difference of two, with its Obuchowski–Rockette standard error and
 * test.
 *
 * @param modality the modality, or the first of the two compared
 * @param minus the modality subtracted, for a difference
 * @param estimate the AUC or the difference
 * @param standardError its standard error; empty when undefined
 * @param test the t (or z) test against ½ for an AUC and 0 for a difference, with its interval
 */
public record OrEstimate(
        String modality,
        Optional<String> minus,
        double estimate,
        OptionalDouble standardError,
        MrmcTest test) {}
