package org.clinval.imaging.dicom.write;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The identity of a derived object the suite writes (segmentation, report, overlay): its series,
 * number, content time and the model that produced it. The SOP Instance UID is derived from the
 * series UID, the kind of object and the instance number, so re-running writes the same UIDs.
 *
 * <p>There is no Series Description: PS3.15 counts it as free text that may identify (action X), so
 * objects derived from de-identified sources would fail the PHI scan with one.
 *
 * @param seriesInstanceUid the new series (derived objects never join their source's series)
 * @param seriesNumber Series Number, positive
 * @param instanceNumber Instance Number, positive
 * @param contentDateTime Content Date and Time: when the results were produced. Required (Type 1 in
 *     these IODs) and never taken from the clock, so files stay reproducible
 * @param model the model whose results the object carries
 */
public record DerivedInstance(
        String seriesInstanceUid,
        int seriesNumber,
        int instanceNumber,
        LocalDateTime contentDateTime,
        ModelIdentity model) {

    public DerivedInstance {
        if (seriesInstanceUid == null || !Uids.isValid(seriesInstanceUid)) {
            throw new IllegalArgumentException(
                    "series instance UID is not valid: " + seriesInstanceUid);
        }
        if (seriesNumber < 1 || instanceNumber < 1) {
            throw new IllegalArgumentException(
                    "series and instance numbers must be positive: "
                            + seriesNumber
                            + ", "
                            + instanceNumber);
        }
        Objects.requireNonNull(contentDateTime, "content date-time");
        Objects.requireNonNull(model, "model");
    }

    /** Returns the SOP Instance UID of this object, of the given kind (e.g. {@code "seg"}). */
    public String sopInstanceUid(String kind) {
        return Uids.derive(seriesInstanceUid, kind, Integer.toString(instanceNumber));
    }
}
