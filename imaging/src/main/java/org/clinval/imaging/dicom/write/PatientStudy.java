package org.clinval.imaging.dicom.write;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Patient and study identity of images the suite creates (the phantom studies): never a real
 * patient's, and every value explicit, so the same inputs give byte-identical files.
 *
 * @param patientId Patient ID, at most 64 characters
 * @param patientName Patient's Name in DICOM PN form ({@code Family^Given}), at most 64 characters
 * @param patientSex {@code M}, {@code F}, {@code O} or empty when unknown
 * @param studyInstanceUid the study's UID (e.g. from {@link Uids#derive})
 * @param studyId Study ID, at most 16 characters
 * @param studyDateTime when the study took place; empty writes empty Study Date and Time. Never
 *     defaulted to "now", which would break reproducibility.
 * @param synthetic whether the subject is synthetic (a phantom): the files then say that no real
 *     patient's identity is present (Patient Identity Removed {@code YES}, with the reason), so a
 *     PHI scan accepts their dummy names
 */
public record PatientStudy(
        String patientId,
        String patientName,
        String patientSex,
        String studyInstanceUid,
        String studyId,
        Optional<LocalDateTime> studyDateTime,
        boolean synthetic) {

    public PatientStudy {
        patientId = text("patient ID", patientId, 64);
        patientName = text("patient name", patientName, 64);
        patientSex = Objects.requireNonNull(patientSex, "patient sex").strip();
        if (!patientSex.isEmpty() && !patientSex.matches("[MFO]")) {
            throw new IllegalArgumentException(
                    "patient sex is not M, F, O or empty: " + patientSex);
        }
        if (studyInstanceUid == null || !Uids.isValid(studyInstanceUid)) {
            throw new IllegalArgumentException(
                    "study instance UID is not valid: " + studyInstanceUid);
        }
        studyId = text("study ID", studyId, 16);
        Objects.requireNonNull(studyDateTime, "study date-time (use Optional.empty())");
    }

    /**
     * Returns a synthetic subject for a phantom case: Patient ID and Study ID the case id (the
     * study id cut to 16 characters), name {@code PHANTOM^<caseId>}, study UID derived from {@code
     * seed} and the case id, no study date.
     */
    public static PatientStudy synthetic(String caseId, String seed) {
        return new PatientStudy(
                caseId,
                "PHANTOM^" + caseId,
                "",
                Uids.derive("clinval", "study", seed, caseId),
                caseId.length() > 16 ? caseId.substring(0, 16) : caseId,
                Optional.empty(),
                true);
    }

    private static String text(String what, String s, int max) {
        if (s == null || s.isBlank() || s.length() > max || s.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    what
                            + " is blank, longer than "
                            + max
                            + " characters or has a backslash: "
                            + s);
        }
        return s.strip();
    }
}
