package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.code;
import static org.clinval.imaging.dicom.write.internal.Attrs.put;
import static org.clinval.imaging.dicom.write.internal.Attrs.putDs;

import com.pixelmed.dicom.AttributeList;
import org.clinval.imaging.dicom.write.AcquisitionSeries;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.GreyImage;

/**
 * The attribute list of a Digital X-Ray Image for presentation (PS3.3 §A.26.1): a PA chest
 * radiograph. MONOCHROME1 images carry Presentation LUT Shape {@code INVERSE} and the pixel
 * intensity relationship sign of their inverted values.
 */
public final class DxEncoder {

    /** Chest (SCT 51185008), CID 4009 DX anatomy imaged. */
    static final Code CHEST = new Code("51185008", "SCT", "Chest");

    /** Postero-anterior (SCT 399348003), CID 4010 DX view. */
    static final Code PA = new Code("399348003", "SCT", "postero-anterior");

    private DxEncoder() {}

    /** Returns the SOP Instance UID of {@code image} in {@code series}. */
    public static String sopInstanceUid(AcquisitionSeries series, GreyImage image) {
        return series.sopInstanceUid("dx-image", image.instanceNumber());
    }

    /** Returns the DX Image object. */
    public static AttributeList encode(
            AcquisitionSeries series, GreyImage image, double spacingMm) {
        if (!(spacingMm > 0 && Double.isFinite(spacingMm))) {
            throw new IllegalArgumentException(
                    "imager pixel spacing is not a positive finite number: " + spacingMm);
        }
        AttributeList l = new AttributeList();
        AcquisitionModules.putSeriesEquipment(l, series, "DX");
        put(l, "PresentationIntentType", "FOR PRESENTATION");
        put(l, "BodyPartExamined", image.bodyPart());
        put(l, "InstanceNumber", image.instanceNumber());
        Attrs.putDateTime(l, "Content", series.study().studyDateTime());
        // a PA chest as displayed: columns run to the patient's left, rows to the feet
        put(l, "PatientOrientation", "L", "F");
        put(l, "ImageType", "ORIGINAL", "PRIMARY");
        put(l, "ImageLaterality", "U");
        code(l, "AnatomicRegionSequence", CHEST);
        put(l, "ViewPosition", "PA");
        code(l, "ViewCodeSequence", PA);
        put(l, "PositionerType", "NONE");
        put(l, "PixelIntensityRelationship", "LIN");
        // +1: lower values mean less beam intensity (bright bone in MONOCHROME1's inverted values)
        put(l, "PixelIntensityRelationshipSign", image.monochrome1() ? 1 : -1);
        putDs(l, "RescaleIntercept", 0);
        putDs(l, "RescaleSlope", 1);
        put(l, "RescaleType", "US");
        put(l, "PresentationLUTShape", image.monochrome1() ? "INVERSE" : "IDENTITY");
        put(l, "LossyImageCompression", "00");
        put(l, "BurnedInAnnotation", "NO");
        put(l, "DetectorType", "SCINTILLATOR");
        putDs(l, "ImagerPixelSpacing", spacingMm, spacingMm);
        Attrs.sequence(l, "AcquisitionContextSequence");
        GreyPixels.put(l, image);
        put(l, "SOPClassUID", SopClasses.DX_IMAGE_FOR_PRESENTATION);
        put(l, "SOPInstanceUID", sopInstanceUid(series, image));
        return l;
    }
}
