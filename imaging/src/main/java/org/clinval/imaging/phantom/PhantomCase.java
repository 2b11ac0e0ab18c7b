package org.clinval.imaging.phantom;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated case: who, where, what truth, and the image.
 *
 * @param caseId stable case identifier, e.g. {@code case-0007}
 * @param index position in the generated study
 * @param patient synthetic patient (the PHI canaries)
 * @param site the site whose scanner rendered it
 * @param studyDate the study date
 * @param positive whether the case has at least one nodule (the reference standard)
 * @param lesions the nodules, empty for negatives
 * @param image the CT image with its ground-truth mask
 */
public record PhantomCase(
        String caseId,
        int index,
        Patient patient,
        SiteProfile site,
        LocalDate studyDate,
        boolean positive,
        List<Lesion> lesions,
        PhantomImage image) {

    public PhantomCase {
        lesions = List.copyOf(lesions);
    }

    /** Returns the institution name written into the case's headers (a site-level canary). */
    public String institution() {
        return "CANARY GENERAL HOSPITAL " + site.id();
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
