package org.clinval.imaging.phantom;

import java.time.LocalDate;
import java.util.Optional;
import org.clinval.imaging.dicom.write.AcquisitionSeries;
import org.clinval.imaging.dicom.write.IdentifyingDetails;
import org.clinval.imaging.dicom.write.PatientStudy;
import org.clinval.imaging.dicom.write.Uids;

/** The identity headers of a single-image phantom case, canaries included, from its seed. */
final class PhantomHeaders {

    private PhantomHeaders() {}

    /** Returns the series of case {@code caseId}, UIDs derived from seed, kind and case. */
    static AcquisitionSeries series(
            String caseId,
            int index,
            LocalDate studyDate,
            Patient p,
            String institution,
            long seed,
            String kind,
            String manufacturer,
            String model,
            String station) {
        String s = Long.toString(seed);
        PatientStudy study =
                new PatientStudy(
                        p.id(),
                        p.name(),
                        p.sex(),
                        Uids.derive("clinval", kind, s, caseId, "study"),
                        caseId.length() > 16 ? caseId.substring(0, 16) : caseId,
                        Optional.of(studyDate.atTime(8, 0).plusMinutes(index % 600)),
                        false);
        return new AcquisitionSeries(
                study,
                Optional.of(
                        new IdentifyingDetails(
                                p.birthDate(),
                                p.ageYears(),
                                p.otherId(),
                                p.address(),
                                p.accessionNumber(),
                                institution,
                                p.referringPhysician())),
                Uids.derive("clinval", kind, s, caseId, "series"),
                1,
                manufacturer,
                model,
                station);
    }
}
