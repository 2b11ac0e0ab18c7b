package org.clinval.imaging.deid;

import org.clinval.imaging.dicom.write.Code;

/**
 * The PS3.15 Annex E options a de-identification may apply on top of the Basic Profile. Each is
 * recorded in the output's De-identification Method Code Sequence with its code from CID 7050.
 *
 * <p>Clean Descriptors (113105) and Clean Structured Content (113104) are always applied, not
 * options here: free text is PHI until proven otherwise.
 *
 * <p>Options deliberately not offered: Retain Longitudinal Temporal Information (dates are removed:
 * a validation of single-timepoint results does not need them, and keeping or shifting them would
 * let studies be linked to hospital records); Retain UIDs (UIDs are always remapped); Retain
 * Institution Identity; Retain Safe Private (all private attributes are removed); Clean Pixel Data
 * (pixels are not cleaned: burned-in annotation stops or flags a file instead).
 */
public enum DeidOption {
    /**
     * Retain Patient Characteristics Option (113108): keeps sex, age, size, weight, ethnic group,
     * smoking and pregnancy status, which subgroup analyses need. Ages over 89 years are aggregated
     * to {@code 090Y}. Narrative the table would also keep (allergies, patient state,
     * pre-medication, special needs) is not kept.
     */
    RETAIN_PATIENT_CHARACTERISTICS(Code.dcm("113108", "Retain Patient Characteristics Option")),
    /**
     * Retain Device Identity Option (113109): keeps manufacturer, model name, software versions,
     * station name and device serial number, which an analysis by scanner needs; other device
     * labels and descriptions are free text and cleaned.
     */
    RETAIN_DEVICE_IDENTITY(Code.dcm("113109", "Retain Device Identity Option"));

    private final Code code;

    DeidOption(Code code) {
        this.code = code;
    }

    /** Returns the option's code in CID 7050 De-identification Method. */
    public Code code() {
        return code;
    }
}
