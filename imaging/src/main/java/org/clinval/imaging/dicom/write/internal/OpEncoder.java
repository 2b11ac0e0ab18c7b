package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.code;
import static org.clinval.imaging.dicom.write.internal.Attrs.put;
import static org.clinval.imaging.dicom.write.internal.Attrs.putDs;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import org.clinval.imaging.dicom.write.AcquisitionSeries;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.OphthalmicPhoto;

/**
 * The attribute list of an Ophthalmic Photography 8 Bit Image (PS3.3 §A.39.1): a single-frame
 * colour fundus photograph, RGB colour-by-pixel, with its calibrated pixel spacing.
 */
public final class OpEncoder {

    /** Retina (SCT 5665001), the anatomic region a fundus photograph images. */
    static final Code RETINA = new Code("5665001", "SCT", "Retina");

    /** Fundus camera (SCT 409898007), CID 4202 Ophthalmic Image Acquisition Device. */
    static final Code FUNDUS_CAMERA = new Code("409898007", "SCT", "Fundus Camera");

    private OpEncoder() {}

    /** Returns the SOP Instance UID of {@code photo} in {@code series}. */
    public static String sopInstanceUid(AcquisitionSeries series, OphthalmicPhoto photo) {
        return series.sopInstanceUid("op-image", photo.instanceNumber());
    }

    /** Returns the Ophthalmic Photography object of {@code photo} in {@code series}. */
    public static AttributeList encode(AcquisitionSeries series, OphthalmicPhoto photo) {
        AttributeList l = new AttributeList();
        AcquisitionModules.putSeriesEquipment(l, series, "OP");
        // General Image, Ophthalmic Photography Image
        put(l, "InstanceNumber", photo.instanceNumber());
        Attrs.putDateTime(l, "Content", series.study().studyDateTime());
        put(
                l,
                "AcquisitionDateTime",
                series.study()
                        .studyDateTime()
                        .map(
                                t ->
                                        t.format(
                                                java.time.format.DateTimeFormatter.ofPattern(
                                                        "yyyyMMddHHmmss")))
                        .map(s -> new String[] {s})
                        .orElse(new String[0]));
        put(l, "ImageType", "ORIGINAL", "PRIMARY");
        put(l, "PatientOrientation"); // Type 2C: a fundus has no patient axes
        // Synchronization: the camera's clock is not synchronised with anything
        put(
                l,
                "SynchronizationFrameOfReferenceUID",
                org.clinval.imaging.dicom.write.Uids.derive(series.seriesInstanceUid(), "sync"));
        put(l, "SynchronizationTrigger", "NO TRIGGER");
        put(l, "AcquisitionTimeSynchronized", "N");
        put(l, "BurnedInAnnotation", "NO");
        put(l, "LossyImageCompression", "00");
        putDs(l, "PixelSpacing", photo.pixelSpacingMm(), photo.pixelSpacingMm());
        // Multi-frame (one frame)
        put(l, "NumberOfFrames", 1);
        // One frame; the pointer names Frame Time, the Multi-frame module's usual choice.
        AttributeTagAttribute fip = new AttributeTagAttribute(Attrs.tag("FrameIncrementPointer"));
        try {
            fip.addValue(Attrs.tag("FrameTime"));
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode Frame Increment Pointer", e);
        }
        l.put(fip);
        put(l, "FrameTime", "0");
        // Ocular Region Imaged
        put(l, "ImageLaterality", photo.laterality());
        code(l, "AnatomicRegionSequence", RETINA);
        // Ophthalmic Photography Acquisition Parameters (Type 2: known to be unknown)
        put(l, "PatientEyeMovementCommanded");
        put(l, "EmmetropicMagnification");
        put(l, "IntraOcularPressure");
        putDs(l, "HorizontalFieldOfView", photo.fieldOfViewDegrees());
        put(l, "PupilDilated");
        Attrs.sequence(l, "RefractiveStateSequence");
        // Ophthalmic Photographic Parameters
        code(l, "AcquisitionDeviceTypeCodeSequence", FUNDUS_CAMERA);
        Attrs.sequence(l, "IlluminationTypeCodeSequence");
        Attrs.sequence(l, "LightPathFilterTypeStackCodeSequence");
        Attrs.sequence(l, "ImagePathFilterTypeStackCodeSequence");
        Attrs.sequence(l, "LensesCodeSequence");
        put(l, "DetectorType", "CCD");
        // Image Pixel
        put(l, "SamplesPerPixel", 3);
        put(l, "PhotometricInterpretation", "RGB");
        put(l, "PlanarConfiguration", 0);
        put(l, "Rows", photo.rows());
        put(l, "Columns", photo.columns());
        put(l, "BitsAllocated", 8);
        put(l, "BitsStored", 8);
        put(l, "HighBit", 7);
        put(l, "PixelRepresentation", 0);
        byte[] rgb = photo.rgb();
        if (rgb.length % 2 != 0) rgb = java.util.Arrays.copyOf(rgb, rgb.length + 1);
        OtherByteAttribute px = new OtherByteAttribute(Attrs.tag("PixelData"));
        try {
            px.setValues(rgb);
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode pixel data", e);
        }
        l.put(px);
        put(l, "SOPClassUID", SopClasses.OPHTHALMIC_PHOTOGRAPHY_8BIT);
        put(l, "SOPInstanceUID", sopInstanceUid(series, photo));
        return l;
    }
}
