package org.clinval.imaging.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.imaging.dicom.VolumeFinding.Kind;

/**
 * Assembles single-frame images of one series into a {@link Volume}.
 *
 * <p>The first image that has a position and orientation is the reference. Every slice's position
 * {@code p} is projected on the reference normal {@code n = row × column} and slices are sorted by
 * {@code d = p · n}. Steps {@code Δd} between neighbours are compared with their median {@code m}:
 * {@code Δd < 0.001 mm} is a duplicate position, {@code Δd ≥ 1.5 m} a gap (about {@code round(Δd /
 * m) − 1} slices missing), any other step differing from {@code m} by more than {@code max(0.01 mm,
 * 1 % of m)} irregular spacing. Orientation (cosines within 1e-4), size and pixel spacing (within
 * 1e-4 mm) are checked against the reference. Nothing is corrected: problems are listed as {@link
 * VolumeFinding}s; only slices that cannot be placed (multi-frame, no position or orientation) are
 * left out, and that is a finding too.
 */
public final class VolumeAssembler {

    static final double ORIENTATION_TOLERANCE = 1e-4;
    static final double SPACING_TOLERANCE_MM = 1e-4;
    static final double DUPLICATE_MM = 1e-3;
    static final double GAP_FACTOR = 1.5;

    private VolumeAssembler() {}

    /**
     * Sorts and checks the slices.
     *
     * @throws IllegalArgumentException if the list is empty or no image has both a position and an
     *     orientation
     */
    public static Volume assemble(List<DicomImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to assemble");
        }
        List<VolumeFinding> findings = new ArrayList<>();
        List<DicomImage> placed = new ArrayList<>();
        for (DicomImage im : images) {
            if (im.frames() > 1) {
                findings.add(
                        finding(Kind.MULTI_FRAME, "has " + im.frames() + " frames; left out", im));
            } else if (im.geometry().position().isEmpty()
                    || im.geometry().orientation().isEmpty()) {
                findings.add(
                        finding(
                                Kind.MISSING_GEOMETRY,
                                "has no Image Position or Orientation (Patient); left out",
                                im));
            } else {
                placed.add(im);
            }
        }
        if (placed.isEmpty()) {
            throw new IllegalArgumentException(
                    "none of the "
                            + images.size()
                            + " images has a position and orientation, e.g. "
                            + images.get(0).file());
        }
        DicomImage ref = placed.get(0);
        Orientation orientation = ref.geometry().orientation().get();
        Vector3 normal = orientation.normal();
        checkAgainstReference(ref, placed, findings);

        List<DicomImage> sorted = new ArrayList<>(placed);
        sorted.sort(Comparator.comparingDouble(im -> along(im, normal)));
        OptionalDouble median = checkSteps(sorted, normal, findings);
        return new Volume(sorted, normal, orientation, ref.geometry().spacing(), median, findings);
    }

    private static void checkAgainstReference(
            DicomImage ref, List<DicomImage> placed, List<VolumeFinding> findings) {
        Optional<String> series = ref.metadata().seriesInstanceUid();
        Orientation o = ref.geometry().orientation().get();
        Optional<PixelSpacing> spacing = ref.geometry().spacing();
        for (DicomImage im : placed.subList(1, placed.size())) {
            if (!im.metadata().seriesInstanceUid().equals(series)) {
                findings.add(
                        finding(
                                Kind.MIXED_SERIES,
                                "Series Instance UID "
                                        + im.metadata().seriesInstanceUid().orElse("(none)")
                                        + " differs from "
                                        + series.orElse("(none)"),
                                ref,
                                im));
            }
            Orientation io = im.geometry().orientation().get();
            if (!io.agreesWith(o, ORIENTATION_TOLERANCE)) {
                findings.add(
                        finding(
                                Kind.ORIENTATION_MISMATCH,
                                "orientation " + io + " differs from " + o,
                                ref,
                                im));
            }
            if (im.rows() != ref.rows() || im.columns() != ref.columns()) {
                findings.add(
                        finding(
                                Kind.SIZE_MISMATCH,
                                "size "
                                        + im.rows()
                                        + "x"
                                        + im.columns()
                                        + " differs from "
                                        + ref.rows()
                                        + "x"
                                        + ref.columns(),
                                ref,
                                im));
            }
            Optional<PixelSpacing> s = im.geometry().spacing();
            boolean same =
                    s.isPresent() == spacing.isPresent()
                            && (s.isEmpty()
                                    || s.get().agreesWith(spacing.get(), SPACING_TOLERANCE_MM));
            if (!same) {
                findings.add(
                        finding(
                                Kind.SPACING_MISMATCH,
                                "pixel spacing "
                                        + s.map(VolumeAssembler::mm).orElse("(absent)")
                                        + " differs from "
                                        + spacing.map(VolumeAssembler::mm).orElse("(absent)"),
                                ref,
                                im));
            }
        }
    }

    private static OptionalDouble checkSteps(
            List<DicomImage> sorted, Vector3 normal, List<VolumeFinding> findings) {
        if (sorted.size() < 2) {
            return OptionalDouble.empty();
        }
        double[] steps = new double[sorted.size() - 1];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = along(sorted.get(i + 1), normal) - along(sorted.get(i), normal);
        }
        double[] positive = Arrays.stream(steps).filter(s -> s >= DUPLICATE_MM).sorted().toArray();
        double median =
                positive.length == 0
                        ? 0
                        : positive.length % 2 == 1
                                ? positive[positive.length / 2]
                                : (positive[positive.length / 2 - 1]
                                                + positive[positive.length / 2])
                                        / 2;
        double tolerance = Math.max(0.01, 0.01 * median);
        for (int i = 0; i < steps.length; i++) {
            DicomImage a = sorted.get(i);
            DicomImage b = sorted.get(i + 1);
            double s = steps[i];
            if (s < DUPLICATE_MM) {
                findings.add(
                        finding(
                                Kind.DUPLICATE_POSITION,
                                "two slices at " + mm(along(a, normal)) + " mm",
                                a,
                                b));
            } else if (s >= GAP_FACTOR * median) {
                findings.add(
                        finding(
                                Kind.GAP,
                                "step of "
                                        + mm(s)
                                        + " mm where the median is "
                                        + mm(median)
                                        + " mm: about "
                                        + (Math.round(s / median) - 1)
                                        + " slice(s) missing",
                                a,
                                b));
            } else if (Math.abs(s - median) > tolerance) {
                findings.add(
                        finding(
                                Kind.IRREGULAR_SPACING,
                                "step of "
                                        + mm(s)
                                        + " mm where the median is "
                                        + mm(median)
                                        + " mm",
                                a,
                                b));
            }
        }
        return median > 0 ? OptionalDouble.of(median) : OptionalDouble.empty();
    }

    private static double along(DicomImage im, Vector3 normal) {
        return im.geometry().position().get().dot(normal);
    }

    private static VolumeFinding finding(Kind kind, String message, DicomImage... images) {
        List<Path> files = Arrays.stream(images).map(DicomImage::file).toList();
        String where = images.length == 1 ? images[0].file() + " " : "";
        return new VolumeFinding(kind, where + message, files);
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String mm(PixelSpacing s) {
        return mm(s.row()) + "\\" + mm(s.column()) + " mm";
    }
}
