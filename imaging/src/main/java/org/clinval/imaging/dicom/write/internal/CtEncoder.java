package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.put;
import static org.clinval.imaging.dicom.write.internal.Attrs.putDs;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import org.clinval.imaging.dicom.write.CtImage;
import org.clinval.imaging.dicom.write.CtSeries;
import org.clinval.imaging.dicom.write.IdentifyingDetails;
import org.clinval.imaging.dicom.write.PatientStudy;
import org.clinval.imaging.dicom.write.SliceGeometry;

/** The attribute list of a CT Image (PS3.3 §A.3) from physical values. */
public final class CtEncoder {

    private CtEncoder() {}

    /** Returns the CT Image object of {@code image} in {@code series}. */
    public static AttributeList encode(CtSeries series, CtImage image) {
        AttributeList l = new AttributeList();
        putPatientStudy(l, series.study());
        series.identifying().ifPresent(d -> putIdentifying(l, d));
        // General Series, CT
        put(l, "Modality", "CT");
        put(l, "SeriesInstanceUID", series.seriesInstanceUid());
        put(l, "SeriesNumber", series.seriesNumber());
        if (!series.seriesDescription().isEmpty()) {
            put(l, "SeriesDescription", series.seriesDescription());
        }
        put(l, "BodyPartExamined", series.bodyPartExamined());
        put(l, "PatientPosition", series.patientPosition());
        // Frame of Reference
        put(l, "FrameOfReferenceUID", series.frameOfReferenceUid());
        put(l, "PositionReferenceIndicator");
        // General Equipment
        put(l, "Manufacturer", series.manufacturer());
        if (!series.modelName().isEmpty()) {
            put(l, "ManufacturerModelName", series.modelName());
        }
        if (!series.stationName().isEmpty()) {
            put(l, "StationName", series.stationName());
        }
        if (!series.convolutionKernel().isEmpty()) {
            put(l, "ConvolutionKernel", series.convolutionKernel());
        }
        // General Image, CT Image
        put(l, "InstanceNumber", image.instanceNumber());
        Attrs.putDateTime(l, "Content", series.study().studyDateTime());
        put(l, "ImageType", "ORIGINAL", "PRIMARY", "AXIAL");
        put(l, "AcquisitionNumber", 1);
        if (series.kvp().isPresent()) {
            putDs(l, "KVP", series.kvp().getAsDouble());
        } else {
            put(l, "KVP");
        }
        // Image Plane
        putPlane(l, image.geometry());
        // Image Pixel
        put(l, "SamplesPerPixel", 1);
        put(l, "PhotometricInterpretation", "MONOCHROME2");
        put(l, "Rows", image.rows());
        put(l, "Columns", image.columns());
        put(l, "BitsAllocated", 16);
        put(l, "BitsStored", 16);
        put(l, "HighBit", 15);
        put(l, "PixelRepresentation", 1);
        putDs(l, "RescaleIntercept", series.rescaleIntercept());
        putDs(l, "RescaleSlope", series.rescaleSlope());
        put(l, "RescaleType", "HU");
        series.window()
                .ifPresent(
                        w -> {
                            putDs(l, "WindowCenter", w[0]);
                            putDs(l, "WindowWidth", w[1]);
                        });
        l.put(pixels(series, image));
        // SOP Common
        put(l, "SOPClassUID", SopClasses.CT_IMAGE);
        put(l, "SOPInstanceUID", series.sopInstanceUid(image.instanceNumber()));
        return l;
    }

    /** Puts the Patient and General Study modules of a created subject. */
    public static void putPatientStudy(AttributeList l, PatientStudy s) {
        put(l, "PatientName", s.patientName());
        put(l, "PatientID", s.patientId());
        put(l, "PatientBirthDate");
        if (s.patientSex().isEmpty()) {
            put(l, "PatientSex");
        } else {
            put(l, "PatientSex", s.patientSex());
        }
        if (s.synthetic()) {
            put(l, "PatientIdentityRemoved", "YES");
            put(l, "DeidentificationMethod", "Synthetic subject: no patient data");
        }
        put(l, "StudyInstanceUID", s.studyInstanceUid());
        Attrs.putDateTime(l, "Study", s.studyDateTime());
        put(l, "ReferringPhysicianName");
        put(l, "StudyID", s.studyId());
        put(l, "AccessionNumber");
    }

    /** Puts the identifying attributes of an exported study, over the empty Type 2 ones. */
    public static void putIdentifying(AttributeList l, IdentifyingDetails d) {
        put(
                l,
                "PatientBirthDate",
                d.birthDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        put(l, "PatientAge", String.format(java.util.Locale.ROOT, "%03dY", d.age()));
        put(l, "OtherPatientIDs", d.otherPatientId());
        put(l, "PatientAddress", d.address());
        put(l, "AccessionNumber", d.accessionNumber());
        put(l, "InstitutionName", d.institutionName());
        put(l, "ReferringPhysicianName", d.referringPhysician());
    }

    /** Puts Image Position/Orientation (Patient), Pixel Spacing and Slice Thickness. */
    public static void putPlane(AttributeList l, SliceGeometry g) {
        putDs(l, "ImagePositionPatient", g.position());
        putDs(l, "ImageOrientationPatient", g.orientation());
        putDs(l, "PixelSpacing", g.rowSpacing(), g.columnSpacing());
        putDs(l, "SliceThickness", g.sliceThickness());
    }

    private static OtherWordAttribute pixels(CtSeries series, CtImage image) {
        float[] hu = image.hu();
        short[] stored = new short[hu.length];
        for (int i = 0; i < hu.length; i++) {
            long s = Math.round((hu[i] - series.rescaleIntercept()) / series.rescaleSlope());
            if (s < Short.MIN_VALUE || s > Short.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "HU "
                                + hu[i]
                                + " at row "
                                + i / image.columns()
                                + ", column "
                                + i % image.columns()
                                + " of instance "
                                + image.instanceNumber()
                                + " does not fit 16 bits with rescale slope "
                                + series.rescaleSlope()
                                + " and intercept "
                                + series.rescaleIntercept());
            }
            stored[i] = (short) s;
        }
        OtherWordAttribute a = new OtherWordAttribute(Attrs.tag("PixelData"));
        try {
            a.setValues(stored);
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode pixel data", e);
        }
        return a;
    }
}
