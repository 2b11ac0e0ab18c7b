package org.clinval.imaging.phantom;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated MR or X-ray case: who, where, the truth and the stored image.
 *
 * @param caseId stable case identifier, e.g. {@code case-0007}
 * @param index position in the generated study
 * @param modality {@code MR} or {@code DX}
 * @param patient synthetic patient (the PHI canaries)
 * @param site the scanner or detector
 * @param studyDate the study date
 * @param positive whether the case has a lesion (the reference standard)
 * @param lesionRow lesion centre row (pixels), NaN when negative
 * @param lesionColumn lesion centre column, NaN when negative
 * @param lesionRadiusMm lesion radius, NaN when negative
 * @param rows image rows
 * @param columns image columns
 * @param pixelSpacingMm pixel spacing, mm
 * @param stored stored values (12 bits)
 * @param monochrome1 whether stored MONOCHROME1 (inverted)
 * @param windowCenter VOI window centre in stored values
 * @param windowWidth VOI window width
 * @param mask row-major, true inside the lesion
 */
public record GreyCase(
        String caseId,
        int index,
        String modality,
        Patient patient,
        GreySite site,
        LocalDate studyDate,
        boolean positive,
        double lesionRow,
        double lesionColumn,
        double lesionRadiusMm,
        int rows,
        int columns,
        double pixelSpacingMm,
        int[] stored,
        boolean monochrome1,
        double windowCenter,
        double windowWidth,
        boolean[] mask) {

    /** Returns the institution name written into the case's headers (a site-level canary). */
    public String institution() {
        return "CANARY RADIOLOGY " + modality + " " + site.id();
    }

    /** Returns every identifying value of this case that must never reach an output. */
    public List<String> canaries() {
        List<String> all = new java.util.ArrayList<>(patient.canaries());
        all.add(institution());
        return List.copyOf(all);
    }

    /** Returns the patient's age band for subgroup analysis. */
    public String ageBand() {
        int age = patient.ageYears();
        return age < 40 ? "<40" : age < 60 ? "40-59" : age < 75 ? "60-74" : "75+";
    }
}
