package org.clinval.imaging.phantom;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated fundus photograph: who, which eye, which camera, the true grade with what three
 * simulated graders said, and the image with its lesion mask.
 *
 * @param caseId stable case identifier, e.g. {@code case-0007}
 * @param index position in the generated study
 * @param patient synthetic patient (the PHI canaries)
 * @param camera the camera that took it
 * @param studyDate the study date
 * @param laterality {@code R} or {@code L}
 * @param grade the true grade, 0 (none) … 4 (proliferative): the adjudicated grade
 * @param graders the grades of three simulated graders (each sometimes one grade off)
 * @param lesions what the image shows
 * @param rows image rows
 * @param columns image columns
 * @param pixelSpacingMm spacing on the retina, mm
 * @param rgb 8-bit samples, R G B per pixel, row-major
 * @param mask row-major, true inside any lesion
 */
public record FundusCase(
        String caseId,
        int index,
        Patient patient,
        FundusCamera camera,
        LocalDate studyDate,
        String laterality,
        int grade,
        int[] graders,
        FundusLesions lesions,
        int rows,
        int columns,
        double pixelSpacingMm,
        byte[] rgb,
        boolean[] mask) {

    /** Returns the institution name written into the case's headers (a site-level canary). */
    public String institution() {
        return "CANARY EYE CLINIC " + camera.id();
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

    /**
     * Returns channel {@code c} (0 red, 1 green, 2 blue) of the image as values in [0, 255],
     * row-major.
     */
    public float[] channel(int c) {
        float[] v = new float[rows * columns];
        for (int i = 0; i < v.length; i++) v[i] = rgb[3 * i + c] & 0xFF;
        return v;
    }
}
