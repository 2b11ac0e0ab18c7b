package org.clinval.imaging.phantom;

import java.time.LocalDate;
import java.util.List;

/**
 * A synthetic patient. Every identifying value carries a per-case token, so that a search of any
 * output for {@link #canaries()} proves whether identifying data leaked into it.
 *
 * @param name DICOM PatientName, e.g. {@code CANARY7Q3F^ALICE}
 * @param id DICOM PatientID
 * @param birthDate date of birth
 * @param sex {@code F} or {@code M}
 * @param ageYears age at the study date
 * @param otherId an issuer's other patient ID
 * @param address a street address
 * @param accessionNumber the study's accession number
 * @param referringPhysician the referring physician, PN form
 */
public record Patient(
        String name,
        String id,
        LocalDate birthDate,
        String sex,
        int ageYears,
        String otherId,
        String address,
        String accessionNumber,
        String referringPhysician) {

    /** Returns the identifying values that must never reach an output of the suite. */
    public List<String> canaries() {
        return List.of(
                name,
                name.substring(0, name.indexOf('^')),
                id,
                birthDate.toString().replace("-", ""),
                birthDate.toString(),
                otherId,
                address,
                accessionNumber,
                referringPhysician,
                referringPhysician.substring(0, referringPhysician.indexOf('^')));
    }
}
