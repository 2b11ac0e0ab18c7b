package org.clinval.imaging.deid;

/**
 * The pseudonymous identity a de-identified file carries instead of the patient's, e.g. the case id
 * of a validation study.
 *
 * @param patientId the new Patient ID: 1 to 64 printable ASCII characters, no backslash
 * @param patientName the new Patient's Name, same rules (PN form {@code Family^Given} allowed)
 */
public record Pseudonym(String patientId, String patientName) {

    public Pseudonym {
        check("pseudonymous patient ID", patientId);
        check("pseudonymous patient name", patientName);
    }

    /** Returns the pseudonym with Patient ID and Patient's Name both {@code caseId}. */
    public static Pseudonym of(String caseId) {
        return new Pseudonym(caseId, caseId);
    }

    private static void check(String what, String s) {
        if (s == null
                || s.isBlank()
                || s.length() > 64
                || !s.matches("[\\x20-\\x5B\\x5D-\\x7E]+")) {
            throw new IllegalArgumentException(
                    what + " is not 1-64 printable ASCII characters without backslash: " + s);
        }
    }
}
