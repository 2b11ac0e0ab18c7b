package org.clinval.imaging.dicom.write.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.DetectedPoint;
import org.clinval.imaging.dicom.write.DetectionReport;

/** Reads a detection report written by {@link DetectionSrEncoder}. */
public final class DetectionSrDecoder {

    private DetectionSrDecoder() {}

    /** Returns the report of {@code file}. */
    public static DetectionReport decode(Path file) throws ImagingException {
        AttributeList l = DicomFiles.read(file);
        if (!Attrs.string(l, "SOPClassUID").strip().equals(SopClasses.COMPREHENSIVE_3D_SR)) {
            throw new ImagingException(file + ": is not a Comprehensive 3D SR");
        }
        String series = "";
        AttributeList evidence = single(l, "CurrentRequestedProcedureEvidenceSequence");
        AttributeList refSeries =
                evidence == null ? null : single(evidence, "ReferencedSeriesSequence");
        if (refSeries != null) {
            series = Attrs.string(refSeries, "SeriesInstanceUID").strip();
        }
        AttributeList measurements = null;
        for (AttributeList c : items(l)) {
            if (is(c, SrEncoder.MEASUREMENTS)) measurements = c;
        }
        if (measurements == null) {
            throw new ImagingException(file + ": has no Imaging Measurements container");
        }
        double threshold = Double.NaN;
        String frameOfReference = "";
        List<DetectedPoint> points = new ArrayList<>();
        for (AttributeList c : items(measurements)) {
            if (is(c, SrEncoder.THRESHOLD)) {
                threshold = number(file, c);
            } else if (is(c, DetectionSrEncoder.GROUP)) {
                double[] xyz = null;
                double score = Double.NaN;
                double diameter = Double.NaN;
                for (AttributeList g : items(c)) {
                    if (is(g, DetectionSrEncoder.CENTER)) {
                        xyz = graphic(file, g);
                        frameOfReference = Attrs.string(g, "ReferencedFrameOfReferenceUID").strip();
                    } else if (is(g, SrEncoder.SCORE)) {
                        score = number(file, g);
                    } else if (is(g, DetectionSrEncoder.DIAMETER)) {
                        diameter = number(file, g);
                    }
                }
                if (xyz == null) {
                    throw new ImagingException(
                            file + ": measurement group " + (points.size() + 1) + " has no point");
                }
                try {
                    points.add(new DetectedPoint(xyz[0], xyz[1], xyz[2], score, diameter));
                } catch (IllegalArgumentException e) {
                    throw new ImagingException(
                            file
                                    + ": measurement group "
                                    + (points.size() + 1)
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
            }
        }
        if (Double.isNaN(threshold)) {
            throw new ImagingException(file + ": has no operating threshold");
        }
        return new DetectionReport(frameOfReference, series, threshold, points);
    }

    private static List<AttributeList> items(AttributeList l) {
        List<AttributeList> out = new ArrayList<>();
        if (l.get(Attrs.tag("ContentSequence")) instanceof SequenceAttribute s) {
            for (int i = 0; i < s.getNumberOfItems(); i++) {
                out.add(s.getItem(i).getAttributeList());
            }
        }
        return out;
    }

    private static AttributeList single(AttributeList l, String keyword) {
        return SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
                l, Attrs.tag(keyword));
    }

    private static boolean is(AttributeList item, Code concept) {
        AttributeList c = single(item, "ConceptNameCodeSequence");
        return c != null
                && Attrs.string(c, "CodeValue").strip().equals(concept.value())
                && Attrs.string(c, "CodingSchemeDesignator").strip().equals(concept.scheme());
    }

    private static double number(Path file, AttributeList item) throws ImagingException {
        AttributeList v = single(item, "MeasuredValueSequence");
        String s = v == null ? "" : Attrs.string(v, "NumericValue").strip();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ImagingException(file + ": numeric value is not a number: '" + s + "'", e);
        }
    }

    private static double[] graphic(Path file, AttributeList item) throws ImagingException {
        Attribute a = item.get(Attrs.tag("GraphicData"));
        try {
            float[] f = a == null ? null : a.getFloatValues();
            if (f == null || f.length != 3) {
                throw new ImagingException(file + ": a point's Graphic Data is not 3 numbers");
            }
            return new double[] {f[0], f[1], f[2]};
        } catch (DicomException e) {
            throw new ImagingException(file + ": cannot read Graphic Data: " + e.getMessage(), e);
        }
    }
}
