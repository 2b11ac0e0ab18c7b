package org.clinval.imaging.dicom.write;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Identifying attributes written into images that stand for what a hospital exports: the phantom
 * studies carry synthetic values here as canaries, so that de-identification and the PHI scan are
 * tested on files that look like the real thing. Never used for objects the suite derives.
 *
 * @param birthDate Patient's Birth Date
 * @param age Patient's Age at the study, in years
 * @param otherPatientId Other Patient IDs
 * @param address Patient's Address
 * @param accessionNumber Accession Number
 * @param institutionName Institution Name
 * @param referringPhysician Referring Physician's Name, PN form
 */
public record IdentifyingDetails(
        LocalDate birthDate,
        int age,
        String otherPatientId,
        String address,
        String accessionNumber,
        String institutionName,
        String referringPhysician) {

    public IdentifyingDetails {
        Objects.requireNonNull(birthDate, "birth date");
        if (age < 0 || age > 999) {
            throw new IllegalArgumentException("age is not in 0..999 years: " + age);
        }
        Objects.requireNonNull(otherPatientId, "other patient ID");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(accessionNumber, "accession number");
        Objects.requireNonNull(institutionName, "institution name");
        Objects.requireNonNull(referringPhysician, "referring physician");
    }
}
