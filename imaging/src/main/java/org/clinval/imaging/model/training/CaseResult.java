package org.clinval.imaging.model.training;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One held-out case as a model saw it.
 *
 * @param caseId phantom case id
 * @param site scanner site
 * @param positive whether the case has a nodule (reference standard)
 * @param largestDiameterMm diameter of its largest nodule, 0 for negatives
 * @param probability the model's positive probability (a segmenter's: its largest pixel
 *     probability)
 * @param truthPixels pixels of the reference mask
 * @param predictedPixels pixels the segmenter marked (0 for a classifier)
 * @param dice Dice of predicted and reference masks; empty for a classifier and where both masks
 *     are empty (undefined 0/0)
 * @param gradCamPeakInNodule for classifier true positives with Grad-CAM run: whether the map's
 *     peak pixel lies in the reference mask
 */
public record CaseResult(
        String caseId,
        String site,
        boolean positive,
        double largestDiameterMm,
        double probability,
        int truthPixels,
        int predictedPixels,
        OptionalDouble dice,
        Optional<Boolean> gradCamPeakInNodule) {}
