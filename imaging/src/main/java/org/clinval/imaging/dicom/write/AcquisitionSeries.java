package org.clinval.imaging.dicom.write;

import java.util.Objects;
import java.util.Optional;

/**
 * The series an acquired (non-CT) image of a phantom study belongs to: who, which study, which
 * series, which device. Instance UIDs are derived from the series UID, so the same inputs give
 * byte-identical files.
 *
 * @param study patient and study identity
 * @param identifying identifying attributes of an exported study (the phantoms' canaries), or empty
 * @param seriesInstanceUid the series' UID
 * @param seriesNumber Series Number
 * @param manufacturer Manufacturer
 * @param modelName Manufacturer's Model Name
 * @param stationName Station Name, or empty
 */
public record AcquisitionSeries(
        PatientStudy study,
        Optional<IdentifyingDetails> identifying,
        String seriesInstanceUid,
        int seriesNumber,
        String manufacturer,
        String modelName,
        String stationName) {

    public AcquisitionSeries {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(identifying, "identifying details (use Optional.empty())");
        if (seriesInstanceUid == null || !Uids.isValid(seriesInstanceUid)) {
            throw new IllegalArgumentException(
                    "series instance UID is not valid: " + seriesInstanceUid);
        }
        if (seriesNumber < 0) {
            throw new IllegalArgumentException("series number is negative: " + seriesNumber);
        }
        manufacturer = Objects.requireNonNull(manufacturer, "manufacturer").strip();
        if (manufacturer.isEmpty()) throw new IllegalArgumentException("manufacturer is blank");
        modelName = Objects.requireNonNull(modelName, "model name").strip();
        stationName = Objects.requireNonNull(stationName, "station name").strip();
    }

    /** Returns the SOP Instance UID of image {@code instanceNumber} of object kind {@code kind}. */
    public String sopInstanceUid(String kind, int instanceNumber) {
        return Uids.derive(seriesInstanceUid, kind, Integer.toString(instanceNumber));
    }
}
