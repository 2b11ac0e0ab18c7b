package org.clinval.imaging.deid;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.deid.internal.PhiRules;
import org.clinval.imaging.dicom.write.internal.DicomFiles;

/**
 * Scans a DICOM file for what could identify the patient: the attributes of PS3.15 Table E.1-1
 * present and not empty at any depth (UIDs excepted: whether one was remapped cannot be told from
 * one file), free text outside the table, every private attribute, Burned In Annotation, and the
 * file and folder names of its path that hold the patient's ID, birth date or name. Each finding
 * names its place through nested sequences and items ({@link PhiFinding#path()}, e.g. {@code
 * ContentSequence[3] > TextValue (0040,A160)}), never the value.
 *
 * <p>The Basic Profile allows some attributes to keep a dummy value (actions Z and D, e.g. the
 * pseudonymous Patient's Name). A scan cannot tell a dummy from an original, so it trusts the
 * file's own declaration: in a file with Patient Identity Removed {@code YES} and a
 * De-identification Method, such values are {@link PhiKind#REPLACED_VALUE} (reported, not PHI);
 * otherwise they are {@link PhiKind#IDENTIFYING_ATTRIBUTE}. Attributes the profile requires removed
 * (action X) are PHI whatever the file declares, and so are private attributes. Options the file
 * declares in its De-identification Method Code Sequence (Retain Patient Characteristics, Device
 * Identity, Institution Identity, Longitudinal Temporal Information) make the attributes they
 * retain {@link PhiKind#RETAINED_BY_OPTION}.
 *
 * <p>Free text is not taken on trust: a text value (LO, LT, ST, UT, SH, PN, UC) the table does not
 * list is {@link PhiKind#FREE_TEXT} unless the de-identification's keep-list keeps it or it is a
 * cleaned value ({@code REMOVED}, or a Code Meaning that only repeats its code), whatever the file
 * declares; so are dates in the content items of a structured report unless they are the dummies.
 * The one exception is a file declaring a synthetic subject, as the suite's phantoms and the
 * objects derived from them do: no patient exists, so their text is not reported.
 */
public final class PhiScanner {

    private PhiScanner() {}

    /**
     * Returns whether {@code file} is a DICOM Part 10 file (128-byte preamble, then {@code DICM}):
     * how commands tell DICOM files from others in a folder.
     */
    public static boolean isDicomFile(Path file) {
        return DicomFiles.isPart10(file);
    }

    /** Scans {@code file}; the message of a failure names it. */
    public static PhiScan scan(Path file) throws ImagingException {
        AttributeList list = DicomFiles.read(file);
        return new PhiScan(
                file, PhiRules.declaredDeidentified(list), PhiRules.findings(file, list));
    }
}
