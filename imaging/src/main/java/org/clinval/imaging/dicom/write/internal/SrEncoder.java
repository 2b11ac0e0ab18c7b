package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.code;
import static org.clinval.imaging.dicom.write.internal.Attrs.item;
import static org.clinval.imaging.dicom.write.internal.Attrs.put;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.Optional;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.CaseFinding;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.SourceFrame;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.dicom.write.Uids;

/** The attribute list of a Comprehensive SR finding report (PS3.3 §A.35.3). */
public final class SrEncoder {

    static final Code REPORT = Code.dcm("126000", "Imaging Measurement Report");
    static final Code MEASUREMENTS = Code.dcm("126010", "Imaging Measurements");
    static final Code OBSERVER_TYPE = Code.dcm("121005", "Observer Type");
    static final Code DEVICE = Code.dcm("121007", "Device");
    static final Code DEVICE_UID = Code.dcm("121012", "Device Observer UID");
    static final Code DEVICE_NAME = Code.dcm("121013", "Device Observer Name");
    static final Code DEVICE_MODEL = Code.dcm("121015", "Device Observer Model Name");
    static final Code FINDING = Code.dcm("121071", "Finding");
    static final Code ALGORITHM_NAME = Code.dcm("111001", "Algorithm Name");
    static final Code ALGORITHM_VERSION = Code.dcm("111003", "Algorithm Version");
    static final Code SOURCE = Code.dcm("121112", "Source of Measurement");
    static final Code SCORE = Code.local("AISCORE", "Model output score");
    static final Code THRESHOLD = Code.local("OPTHRESHOLD", "Operating threshold");
    static final Code RULE = Code.local("THRESHOLDRULE", "Threshold rule");
    static final Code SHA256 = Code.local("MODELSHA256", "Model file SHA-256");
    static final Code NO_UNITS = new Code("1", "UCUM", "no units");

    private SrEncoder() {}

    /** Returns the report of {@code finding} on {@code source}. */
    public static AttributeList encode(SourceSeries source, CaseFinding finding, DerivedInstance id)
            throws ImagingException {
        AttributeList l = new AttributeList();
        SourceReader.copyPatientStudy(source.frames().get(0).file(), l);
        put(l, "Modality", "SR");
        put(l, "SeriesInstanceUID", id.seriesInstanceUid());
        put(l, "SeriesNumber", id.seriesNumber());
        // Type 2 sequences that must be present, empty: SR Document Series and General
        Attrs.sequence(l, "ReferencedPerformedProcedureStepSequence");
        Attrs.sequence(l, "PerformedProcedureCodeSequence");
        Equipment.put(l, id.model());
        put(l, "InstanceNumber", id.instanceNumber());
        put(l, "CompletionFlag", "COMPLETE");
        put(l, "VerificationFlag", "UNVERIFIED");
        Attrs.putDateTime(l, "Content", Optional.of(id.contentDateTime()));
        putEvidence(l, source);
        put(l, "ValueType", "CONTAINER");
        code(l, "ConceptNameCodeSequence", REPORT);
        put(l, "ContinuityOfContent", "SEPARATE");
        SequenceAttribute content = Attrs.sequence(l, "ContentSequence");
        content.addItem(codeItem("HAS OBS CONTEXT", OBSERVER_TYPE, DEVICE));
        content.addItem(
                uidItem(
                        "HAS OBS CONTEXT",
                        DEVICE_UID,
                        Uids.derive("clinval", "device", id.model().sha256())));
        content.addItem(textItem("HAS OBS CONTEXT", DEVICE_NAME, id.model().name()));
        content.addItem(textItem("HAS OBS CONTEXT", DEVICE_MODEL, id.model().name()));
        content.addItem(measurements(source, finding, id));
        AttributeList scheme = item(l, "CodingSchemeIdentificationSequence");
        put(scheme, "CodingSchemeDesignator", Code.LOCAL_SCHEME);
        put(scheme, "CodingSchemeName", "clinval local codes");
        put(scheme, "CodingSchemeResponsibleOrganization", "clinval");
        put(l, "SOPClassUID", SopClasses.COMPREHENSIVE_SR);
        put(l, "SOPInstanceUID", id.sopInstanceUid("sr"));
        return l;
    }

    private static AttributeList measurements(
            SourceSeries source, CaseFinding finding, DerivedInstance id) {
        AttributeList c = contentItem("CONTAINS", "CONTAINER", MEASUREMENTS);
        put(c, "ContinuityOfContent", "SEPARATE");
        SequenceAttribute items = Attrs.sequence(c, "ContentSequence");
        items.addItem(codeItem("CONTAINS", FINDING, finding.classification()));
        items.addItem(numItem(SCORE, finding.score()));
        items.addItem(numItem(THRESHOLD, finding.threshold()));
        items.addItem(
                textItem("CONTAINS", RULE, "positive when score " + finding.rule() + " threshold"));
        items.addItem(textItem("CONTAINS", ALGORITHM_NAME, id.model().name()));
        items.addItem(textItem("CONTAINS", ALGORITHM_VERSION, id.model().version()));
        items.addItem(textItem("CONTAINS", SHA256, id.model().sha256()));
        for (SourceFrame f : source.frames()) {
            AttributeList image = contentItem("CONTAINS", "IMAGE", SOURCE);
            AttributeList ref = item(image, "ReferencedSOPSequence");
            put(ref, "ReferencedSOPClassUID", f.sopClassUid());
            put(ref, "ReferencedSOPInstanceUID", f.sopInstanceUid());
            items.addItem(image);
        }
        return c;
    }

    /** Lists every source image in the Current Requested Procedure Evidence Sequence. */
    static void putEvidence(AttributeList l, SourceSeries source) {
        AttributeList study = item(l, "CurrentRequestedProcedureEvidenceSequence");
        put(study, "StudyInstanceUID", source.studyInstanceUid());
        AttributeList series = item(study, "ReferencedSeriesSequence");
        put(series, "SeriesInstanceUID", source.seriesInstanceUid());
        SequenceAttribute sops = Attrs.sequence(series, "ReferencedSOPSequence");
        for (SourceFrame f : source.frames()) {
            AttributeList i = new AttributeList();
            put(i, "ReferencedSOPClassUID", f.sopClassUid());
            put(i, "ReferencedSOPInstanceUID", f.sopInstanceUid());
            sops.addItem(i);
        }
    }

    static AttributeList contentItem(String relationship, String valueType, Code concept) {
        AttributeList i = new AttributeList();
        put(i, "RelationshipType", relationship);
        put(i, "ValueType", valueType);
        code(i, "ConceptNameCodeSequence", concept);
        return i;
    }

    static AttributeList codeItem(String relationship, Code concept, Code value) {
        AttributeList i = contentItem(relationship, "CODE", concept);
        code(i, "ConceptCodeSequence", value);
        return i;
    }

    static AttributeList textItem(String relationship, Code concept, String text) {
        AttributeList i = contentItem(relationship, "TEXT", concept);
        put(i, "TextValue", text);
        return i;
    }

    static AttributeList uidItem(String relationship, Code concept, String uid) {
        AttributeList i = contentItem(relationship, "UIDREF", concept);
        put(i, "UID", uid);
        return i;
    }

    static AttributeList numItem(Code concept, double value) {
        return numItem(concept, value, NO_UNITS);
    }

    static AttributeList numItem(Code concept, double value, Code units) {
        AttributeList i = contentItem("CONTAINS", "NUM", concept);
        AttributeList v = item(i, "MeasuredValueSequence");
        Attrs.putDs(v, "NumericValue", value);
        code(v, "MeasurementUnitsCodeSequence", units);
        return i;
    }
}
