package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.put;
import static org.clinval.imaging.dicom.write.internal.Attrs.putDs;

import com.pixelmed.dicom.AttributeList;
import org.clinval.imaging.dicom.write.AcquisitionSeries;
import org.clinval.imaging.dicom.write.GreyImage;
import org.clinval.imaging.dicom.write.SliceGeometry;

/** The attribute list of an MR Image (PS3.3 §A.4): a 2D spin-echo slice. */
public final class MrEncoder {

    private MrEncoder() {}

    /** Returns the SOP Instance UID of {@code image} in {@code series}. */
    public static String sopInstanceUid(AcquisitionSeries series, GreyImage image) {
        return series.sopInstanceUid("mr-image", image.instanceNumber());
    }

    /** Returns the MR Image object. */
    public static AttributeList encode(
            AcquisitionSeries series,
            GreyImage image,
            SliceGeometry geometry,
            String frameOfReferenceUid,
            double trMs,
            double teMs,
            double fieldStrengthTesla) {
        AttributeList l = new AttributeList();
        AcquisitionModules.putSeriesEquipment(l, series, "MR");
        put(l, "BodyPartExamined", image.bodyPart());
        put(l, "PatientPosition", "HFS");
        put(l, "FrameOfReferenceUID", frameOfReferenceUid);
        put(l, "PositionReferenceIndicator");
        put(l, "InstanceNumber", image.instanceNumber());
        Attrs.putDateTime(l, "Content", series.study().studyDateTime());
        put(l, "ImageType", "ORIGINAL", "PRIMARY", "OTHER");
        CtEncoder.putPlane(l, geometry);
        // MR Image
        put(l, "ScanningSequence", "SE");
        put(l, "SequenceVariant", "NONE");
        put(l, "ScanOptions");
        put(l, "MRAcquisitionType", "2D");
        putDs(l, "RepetitionTime", trMs);
        putDs(l, "EchoTime", teMs);
        put(l, "EchoTrainLength", 1);
        put(l, "ImagedNucleus", "1H");
        putDs(l, "MagneticFieldStrength", fieldStrengthTesla);
        GreyPixels.put(l, image);
        put(l, "SOPClassUID", SopClasses.MR_IMAGE);
        put(l, "SOPInstanceUID", sopInstanceUid(series, image));
        return l;
    }
}
