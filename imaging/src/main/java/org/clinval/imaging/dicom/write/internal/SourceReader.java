package org.clinval.imaging.dicom.write.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.SourceFrame;

/** Reads what derived objects need from their source images: identity and geometry. */
public final class SourceReader {

    /** The header of one source image. */
    public record Header(
            SourceFrame frame,
            String studyInstanceUid,
            String seriesInstanceUid,
            String frameOfReferenceUid) {}

    /** Patient and study attributes a derived object copies from its source. */
    static final String[] PATIENT_STUDY = {
        "SpecificCharacterSet",
        "PatientName",
        "PatientID",
        "IssuerOfPatientID",
        "PatientBirthDate",
        "PatientSex",
        "PatientAge",
        "PatientSize",
        "PatientWeight",
        "PatientIdentityRemoved",
        "DeidentificationMethod",
        "DeidentificationMethodCodeSequence",
        "ClinicalTrialSponsorName",
        "ClinicalTrialProtocolID",
        "ClinicalTrialProtocolName",
        "ClinicalTrialSiteID",
        "ClinicalTrialSiteName",
        "ClinicalTrialSubjectID",
        "ClinicalTrialSubjectReadingID",
        "StudyInstanceUID",
        "StudyDate",
        "StudyTime",
        "ReferringPhysicianName",
        "StudyID",
        "AccessionNumber",
        "StudyDescription",
        "ClinicalTrialTimePointID",
        "LongitudinalTemporalInformationModified"
    };

    /** Type 2 attributes of the Patient and General Study modules: present even when empty. */
    private static final String[] TYPE2 = {
        "PatientName",
        "PatientID",
        "PatientBirthDate",
        "PatientSex",
        "StudyDate",
        "StudyTime",
        "ReferringPhysicianName",
        "StudyID",
        "AccessionNumber"
    };

    private SourceReader() {}

    /** Reads the header of {@code file} (up to the pixel data). */
    public static Header header(Path file) throws ImagingException {
        AttributeList l = new AttributeList();
        try {
            l.read(file.toFile(), Attrs.tag("PixelData"));
        } catch (IOException | DicomException | RuntimeException e) {
            throw new ImagingException(file + ": not a readable DICOM file: " + e.getMessage(), e);
        }
        int frames = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("NumberOfFrames"), 1);
        if (frames != 1) {
            throw new ImagingException(
                    file + ": has " + frames + " frames; only single-frame sources are supported");
        }
        double[] pos = Attribute.getDoubleValues(l, Attrs.tag("ImagePositionPatient"));
        double[] ori = Attribute.getDoubleValues(l, Attrs.tag("ImageOrientationPatient"));
        double[] spacing = Attribute.getDoubleValues(l, Attrs.tag("PixelSpacing"));
        double thickness =
                Attribute.getSingleDoubleValueOrDefault(l, Attrs.tag("SliceThickness"), 0);
        if (pos == null
                || ori == null
                || spacing == null
                || pos.length != 3
                || ori.length != 6
                || spacing.length != 2) {
            throw new ImagingException(
                    file
                            + ": has no Image Plane geometry (Image Position/Orientation (Patient),"
                            + " Pixel Spacing); projection images are not supported");
        }
        if (!(thickness > 0)) {
            throw new ImagingException(file + ": has no positive Slice Thickness");
        }
        String frameOfReference = Attrs.string(l, "FrameOfReferenceUID").strip();
        if (frameOfReference.isEmpty()) {
            throw new ImagingException(file + ": has no Frame of Reference UID");
        }
        SliceGeometry g;
        try {
            g = new SliceGeometry(pos, ori, spacing[0], spacing[1], thickness);
        } catch (IllegalArgumentException e) {
            throw new ImagingException(file + ": " + e.getMessage(), e);
        }
        int rows = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("Rows"), 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("Columns"), 0);
        String sopClass = Attrs.string(l, "SOPClassUID").strip();
        String sop = Attrs.string(l, "SOPInstanceUID").strip();
        if (rows < 1 || columns < 1 || sopClass.isEmpty() || sop.isEmpty()) {
            throw new ImagingException(
                    file + ": lacks Rows, Columns, SOP Class UID or SOP Instance UID");
        }
        SourceFrame frame =
                new SourceFrame(
                        file,
                        sopClass,
                        sop,
                        rows,
                        columns,
                        g,
                        Attribute.getSingleIntegerValueOrDefault(
                                l, Attrs.tag("InstanceNumber"), 0));
        return new Header(
                frame,
                Attrs.string(l, "StudyInstanceUID").strip(),
                Attrs.string(l, "SeriesInstanceUID").strip(),
                frameOfReference);
    }

    /** Fails naming {@code h}'s file if it does not belong with {@code first}. */
    public static void checkSameSeries(Header first, Header h) throws ImagingException {
        Path f = h.frame().file();
        if (!h.studyInstanceUid().equals(first.studyInstanceUid())
                || !h.seriesInstanceUid().equals(first.seriesInstanceUid())) {
            throw new ImagingException(
                    f + ": belongs to another study or series than " + first.frame().file());
        }
        if (!h.frameOfReferenceUid().equals(first.frameOfReferenceUid())) {
            throw new ImagingException(
                    f + ": has another frame of reference than " + first.frame().file());
        }
        if (h.frame().rows() != first.frame().rows()
                || h.frame().columns() != first.frame().columns()) {
            throw new ImagingException(
                    f
                            + ": is "
                            + h.frame().rows()
                            + " x "
                            + h.frame().columns()
                            + ", not "
                            + first.frame().rows()
                            + " x "
                            + first.frame().columns()
                            + " like "
                            + first.frame().file());
        }
        double[] a = h.frame().geometry().orientation();
        double[] b = first.frame().geometry().orientation();
        for (int i = 0; i < 6; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-4) {
                throw new ImagingException(
                        f
                                + ": orientation "
                                + Arrays.toString(a)
                                + " differs from "
                                + Arrays.toString(b)
                                + " of "
                                + first.frame().file());
            }
        }
    }

    /** Copies the patient and study attributes of {@code source}'s file into {@code target}. */
    public static void copyPatientStudy(Path source, AttributeList target) throws ImagingException {
        AttributeList l = new AttributeList();
        try {
            l.read(source.toFile(), Attrs.tag("PixelData"));
        } catch (IOException | DicomException | RuntimeException e) {
            throw new ImagingException(
                    source + ": not a readable DICOM file: " + e.getMessage(), e);
        }
        for (String k : PATIENT_STUDY) {
            Attribute a = l.get(Attrs.tag(k));
            if (a != null) {
                target.put(a);
            }
        }
        for (String k : TYPE2) {
            if (target.get(Attrs.tag(k)) == null) {
                Attrs.put(target, k);
            }
        }
    }
}
