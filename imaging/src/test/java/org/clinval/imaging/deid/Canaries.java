package org.clinval.imaging.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.dicom.write.CtImage;
import org.clinval.imaging.dicom.write.CtImageWriter;
import org.clinval.imaging.dicom.write.CtSeries;
import org.clinval.imaging.dicom.write.PatientStudy;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.Uids;
import org.clinval.imaging.dicom.write.internal.Attrs;
import org.clinval.imaging.dicom.write.internal.DicomFiles;

/** CT files full of synthetic PHI "canaries": values that must not survive de-identification. */
final class Canaries {

    static final String NAME = "CANARYFAMILY^CANARYGIVEN";
    static final String PATIENT_ID = "CANARYPID4711";
    static final String BIRTH_DATE = "19470312";
    static final String ADDRESS = "17 CANARYSTREET, CANARYTOWN";
    static final String OTHER_ID = "CANARYOTHERID";
    static final String NESTED_ID = "CANARYSEQPID";
    static final String INSTITUTION = "CANARY GENERAL HOSPITAL";
    static final String REFERRING = "CANARYDOC^REFERRING";
    static final String PRIVATE = "CANARYPRIVATEVALUE";
    static final String PRIVATE_CREATOR = "CANARYCORP";
    static final String ACCESSION = "CANARYACC99";
    static final String STUDY_DATE = "20190315";
    static final String STUDY_TIME = "101112";
    static final String OPERATOR = "CANARYOPERATOR";
    static final String REQUEST_ID = "CANARYREQ77";
    static final String COMMENT = "CANARY COMMENT ON PATIENT";
    static final String PHONE = "555-CANARY-0199";

    /** Every canary value. */
    static final List<String> ALL =
            List.of(
                    NAME,
                    "CANARYFAMILY",
                    PATIENT_ID,
                    BIRTH_DATE,
                    ADDRESS,
                    OTHER_ID,
                    NESTED_ID,
                    INSTITUTION,
                    REFERRING,
                    PRIVATE,
                    ACCESSION,
                    STUDY_DATE,
                    OPERATOR,
                    REQUEST_ID,
                    COMMENT,
                    PHONE);

    private Canaries() {}

    /** The original (identified) UIDs of the canary study. */
    static String studyUid() {
        return Uids.derive("canary", "study");
    }

    /** Writes slice {@code k} of a canary CT series to {@code file}. */
    static Path write(Path file, int k) throws Exception {
        PatientStudy who =
                new PatientStudy(
                        PATIENT_ID,
                        NAME,
                        "F",
                        studyUid(),
                        "CANSTUDY",
                        java.util.Optional.empty(),
                        false);
        CtSeries s =
                CtSeries.builder()
                        .setStudy(who)
                        .setSeriesInstanceUid(Uids.derive("canary", "series"))
                        .setFrameOfReferenceUid(Uids.derive("canary", "for"))
                        .setBodyPartExamined("CHEST")
                        .build();
        float[] v = new float[16];
        java.util.Arrays.fill(v, 40f + k);
        CtImageWriter.write(
                s, new CtImage(4, 4, v, SliceGeometry.axial(0, 0, 3.0 * k, 1, 1, 3), k + 1), file);
        AttributeList l = DicomFiles.read(file);
        Attrs.put(l, "PatientBirthDate", BIRTH_DATE);
        Attrs.put(l, "PatientAddress", ADDRESS);
        Attrs.put(l, "PatientTelephoneNumbers", PHONE);
        Attrs.put(l, "PatientAge", "071Y");
        Attrs.putDs(l, "PatientWeight", 61.5);
        Attrs.put(l, "OtherPatientIDs", OTHER_ID);
        Attrs.put(Attrs.item(l, "OtherPatientIDsSequence"), "PatientID", NESTED_ID);
        Attrs.put(l, "InstitutionName", INSTITUTION);
        Attrs.put(l, "InstitutionAddress", ADDRESS);
        Attrs.put(l, "ReferringPhysicianName", REFERRING);
        Attrs.put(l, "AccessionNumber", ACCESSION);
        Attrs.put(l, "StudyDate", STUDY_DATE);
        Attrs.put(l, "StudyTime", STUDY_TIME);
        Attrs.put(l, "SeriesDate", STUDY_DATE);
        Attrs.put(l, "ContentDate", STUDY_DATE);
        Attrs.put(l, "AcquisitionDateTime", STUDY_DATE + STUDY_TIME);
        Attrs.put(l, "OperatorsName", OPERATOR);
        Attrs.put(l, "PatientComments", COMMENT);
        Attrs.put(l, "StationName", "CANARYSTATION");
        Attrs.put(l, "DeviceSerialNumber", "CANARYSERIAL");
        AttributeList request = Attrs.item(l, "RequestAttributesSequence");
        Attrs.put(request, "RequestedProcedureID", REQUEST_ID);
        Attrs.put(request, "AccessionNumber", ACCESSION);
        AttributeList ref = Attrs.item(l, "ReferencedStudySequence");
        Attrs.put(ref, "ReferencedSOPClassUID", "1.2.840.10008.3.1.2.3.1");
        Attrs.put(ref, "ReferencedSOPInstanceUID", studyUid());
        putPrivate(l);
        DicomFiles.write(l, file);
        return file;
    }

    private static void putPrivate(AttributeList l) throws DicomException {
        AttributeTag creator = new AttributeTag(0x0009, 0x0010);
        Attribute c = new LongStringAttribute(creator);
        c.addValue(PRIVATE_CREATOR);
        l.put(c);
        Attribute p = new LongStringAttribute(new AttributeTag(0x0009, 0x1001));
        p.addValue(PRIVATE);
        l.put(p);
        // a private attribute nested in a standard sequence
        SequenceAttribute seq = (SequenceAttribute) l.get(Attrs.tag("RequestAttributesSequence"));
        AttributeList item = seq.getItem(0).getAttributeList();
        Attribute c2 = new LongStringAttribute(creator);
        c2.addValue(PRIVATE_CREATOR);
        item.put(c2);
        Attribute p2 = new LongStringAttribute(new AttributeTag(0x0009, 0x1001));
        p2.addValue(PRIVATE);
        item.put(p2);
    }
}
