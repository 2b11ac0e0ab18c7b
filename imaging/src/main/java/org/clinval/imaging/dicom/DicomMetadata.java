package org.clinval.imaging.dicom;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a DICOM header says that subgroup analysis and drift monitoring need: acquisition (modality,
 * scanner, protocol), a coarse patient description and the identifiers that tie a result to an
 * instance. It carries no direct identifier of the patient: no name, no patient ID, no birth date
 * (only the {@link AgeBand}).
 *
 * @param modality Modality (0008,0060), e.g. {@code CT}
 * @param sopClassUid SOP Class UID (0008,0016)
 * @param sopClassName the SOP class's name from PS3.6 if known, e.g. {@code CT Image Storage}
 * @param transferSyntax the file's transfer syntax
 * @param manufacturer Manufacturer (0008,0070)
 * @param model Manufacturer's Model Name (0008,1090)
 * @param stationName Station Name (0008,1010)
 * @param kvp KVP (0018,0060), peak kilovoltage
 * @param sliceThickness Slice Thickness (0018,0050) in mm (top level or shared functional group)
 * @param convolutionKernel Convolution Kernel (0018,1210), values joined by {@code \}
 * @param bodyPart Body Part Examined (0018,0015)
 * @param patientSex Patient's Sex (0010,0040): {@code M}, {@code F} or {@code O}
 * @param ageBand from Patient's Age (0010,1010), else from Patient's Birth Date and Study Date
 * @param studyInstanceUid Study Instance UID (0020,000D)
 * @param seriesInstanceUid Series Instance UID (0020,000E)
 * @param sopInstanceUid SOP Instance UID (0008,0018)
 * @param image whether the header describes an image (Rows and Columns present); false for
 *     documents such as SR or a DICOMDIR
 * @param burnedInAnnotation Burned In Annotation (0028,0301) as written, e.g. {@code YES}
 */
public record DicomMetadata(
        Optional<String> modality,
        String sopClassUid,
        Optional<String> sopClassName,
        TransferSyntax transferSyntax,
        Optional<String> manufacturer,
        Optional<String> model,
        Optional<String> stationName,
        OptionalDouble kvp,
        OptionalDouble sliceThickness,
        Optional<String> convolutionKernel,
        Optional<String> bodyPart,
        Optional<String> patientSex,
        Optional<AgeBand> ageBand,
        Optional<String> studyInstanceUid,
        Optional<String> seriesInstanceUid,
        String sopInstanceUid,
        boolean image,
        Optional<String> burnedInAnnotation) {

    public DicomMetadata {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopClassName, "sopClassName");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stationName, "stationName");
        Objects.requireNonNull(kvp, "kvp");
        Objects.requireNonNull(sliceThickness, "sliceThickness");
        Objects.requireNonNull(convolutionKernel, "convolutionKernel");
        Objects.requireNonNull(bodyPart, "bodyPart");
        Objects.requireNonNull(patientSex, "patientSex");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(burnedInAnnotation, "burnedInAnnotation");
    }

    /**
     * Returns whether the image says it carries burned-in annotation (text in the pixels, which
     * de-identification of the header cannot remove). Only an explicit {@code NO} counts as none:
     * an absent flag is unknown, and unknown is not reported as burned in.
     */
    public boolean burnedIn() {
        return burnedInAnnotation.map(v -> v.trim().equalsIgnoreCase("YES")).orElse(false);
    }
}
