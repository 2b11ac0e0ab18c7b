package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.code;
import static org.clinval.imaging.dicom.write.internal.Attrs.item;
import static org.clinval.imaging.dicom.write.internal.Attrs.put;
import static org.clinval.imaging.dicom.write.internal.SrEncoder.codeItem;
import static org.clinval.imaging.dicom.write.internal.SrEncoder.contentItem;
import static org.clinval.imaging.dicom.write.internal.SrEncoder.numItem;
import static org.clinval.imaging.dicom.write.internal.SrEncoder.textItem;
import static org.clinval.imaging.dicom.write.internal.SrEncoder.uidItem;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FloatSingleAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.List;
import java.util.Optional;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.DetectedPoint;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.dicom.write.Uids;

/** The attribute list of a detection report, a Comprehensive 3D SR (PS3.3 §A.35.13). */
public final class DetectionSrEncoder {

    static final Code GROUP = Code.dcm("125007", "Measurement Group");
    static final Code TRACKING_ID = Code.dcm("112039", "Tracking Identifier");
    static final Code CENTER = Code.dcm("111010", "Center");
    static final Code NODULE = new Code("27925004", "SCT", "Nodule");
    static final Code DIAMETER = new Code("81827009", "SCT", "Diameter");
    static final Code MM = new Code("mm", "UCUM", "millimeter");

    private DetectionSrEncoder() {}

    /** Returns the report of {@code points} on {@code source}. */
    public static AttributeList encode(
            SourceSeries source, List<DetectedPoint> points, double threshold, DerivedInstance id)
            throws ImagingException {
        AttributeList l = new AttributeList();
        SourceReader.copyPatientStudy(source.frames().get(0).file(), l);
        put(l, "Modality", "SR");
        put(l, "SeriesInstanceUID", id.seriesInstanceUid());
        put(l, "SeriesNumber", id.seriesNumber());
        Attrs.sequence(l, "ReferencedPerformedProcedureStepSequence");
        Attrs.sequence(l, "PerformedProcedureCodeSequence");
        Equipment.put(l, id.model());
        put(l, "InstanceNumber", id.instanceNumber());
        put(l, "CompletionFlag", "COMPLETE");
        put(l, "VerificationFlag", "UNVERIFIED");
        Attrs.putDateTime(l, "Content", Optional.of(id.contentDateTime()));
        SrEncoder.putEvidence(l, source);
        put(l, "ValueType", "CONTAINER");
        code(l, "ConceptNameCodeSequence", SrEncoder.REPORT);
        put(l, "ContinuityOfContent", "SEPARATE");
        SequenceAttribute content = Attrs.sequence(l, "ContentSequence");
        content.addItem(codeItem("HAS OBS CONTEXT", SrEncoder.OBSERVER_TYPE, SrEncoder.DEVICE));
        content.addItem(
                uidItem(
                        "HAS OBS CONTEXT",
                        SrEncoder.DEVICE_UID,
                        Uids.derive("clinval", "device", id.model().sha256())));
        content.addItem(textItem("HAS OBS CONTEXT", SrEncoder.DEVICE_NAME, id.model().name()));
        content.addItem(textItem("HAS OBS CONTEXT", SrEncoder.DEVICE_MODEL, id.model().name()));
        AttributeList m = contentItem("CONTAINS", "CONTAINER", SrEncoder.MEASUREMENTS);
        put(m, "ContinuityOfContent", "SEPARATE");
        SequenceAttribute items = Attrs.sequence(m, "ContentSequence");
        items.addItem(numItem(SrEncoder.THRESHOLD, threshold));
        items.addItem(
                textItem("CONTAINS", SrEncoder.RULE, "candidate when probability >= threshold"));
        items.addItem(textItem("CONTAINS", SrEncoder.ALGORITHM_NAME, id.model().name()));
        items.addItem(textItem("CONTAINS", SrEncoder.ALGORITHM_VERSION, id.model().version()));
        items.addItem(textItem("CONTAINS", SrEncoder.SHA256, id.model().sha256()));
        for (int k = 0; k < points.size(); k++) {
            items.addItem(group(k + 1, points.get(k), source.frameOfReferenceUid()));
        }
        content.addItem(m);
        AttributeList scheme = item(l, "CodingSchemeIdentificationSequence");
        put(scheme, "CodingSchemeDesignator", Code.LOCAL_SCHEME);
        put(scheme, "CodingSchemeName", "clinval local codes");
        put(scheme, "CodingSchemeResponsibleOrganization", "clinval");
        put(l, "SOPClassUID", SopClasses.COMPREHENSIVE_3D_SR);
        put(l, "SOPInstanceUID", id.sopInstanceUid("sr3d"));
        return l;
    }

    private static AttributeList group(int k, DetectedPoint p, String frameOfReference) {
        AttributeList g = contentItem("CONTAINS", "CONTAINER", GROUP);
        put(g, "ContinuityOfContent", "SEPARATE");
        SequenceAttribute items = Attrs.sequence(g, "ContentSequence");
        items.addItem(textItem("HAS OBS CONTEXT", TRACKING_ID, "candidate " + k));
        items.addItem(codeItem("CONTAINS", SrEncoder.FINDING, NODULE));
        AttributeList point = contentItem("CONTAINS", "SCOORD3D", CENTER);
        put(point, "ReferencedFrameOfReferenceUID", frameOfReference);
        put(point, "GraphicType", "POINT");
        try {
            FloatSingleAttribute data = new FloatSingleAttribute(Attrs.tag("GraphicData"));
            data.addValue((float) p.x());
            data.addValue((float) p.y());
            data.addValue((float) p.z());
            point.put(data);
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode graphic data", e);
        }
        items.addItem(point);
        items.addItem(numItem(SrEncoder.SCORE, p.score()));
        items.addItem(numItem(DIAMETER, p.diameterMm(), MM));
        return g;
    }
}
