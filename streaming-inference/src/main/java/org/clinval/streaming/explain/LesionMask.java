package org.clinval.streaming.explain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.imaging.dicom.write.SegmentationReader;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.SourceFrame;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.validation.segmentation.Mask;

/**
 * Reads a one-image lesion mask on the image's rows × columns:
 *
 * <ul>
 *   <li>a DICOM SEG ({@code .dcm}): every segment's frame of the image (by its Source Image
 *       Sequence, as {@link SegmentationReader} places frames), OR-ed;
 *   <li>a NIfTI-1 file ({@code .nii.gz}, {@code .nii}) of shape columns × rows (× 1), voxel {@code
 *       (x, y)} on pixel (row y, column x). When the file states a transform and the image has a
 *       patient geometry, the transform must agree with it: axis i along the image's rows
 *       (increasing column), j along its columns, steps equal to the pixel spacing (1e-3 relative)
 *       and the first voxel within 0.05 mm of the first pixel. A flipped or transposed mask is
 *       refused, never re-sampled. Without either (a photograph), voxels are read by index.
 * </ul>
 */
final class LesionMask {

    private static final double TOLERANCE = 1e-3;
    private static final double ORIGIN_TOLERANCE_MM = 0.05;

    private LesionMask() {}

    /** Returns the lesion pixels of {@code file} on {@code image}, row-major. */
    static boolean[] read(Path file, Path image) throws ImagingException {
        if (file.getFileName().toString().endsWith(".dcm")) {
            SourceSeries source = SourceSeries.read(List.of(image));
            SourceFrame frame = source.frames().get(0);
            int n = frame.rows() * frame.columns();
            boolean[] out = new boolean[n];
            for (SegmentMask m : SegmentationReader.read(file, source)) {
                boolean[] f = m.frames()[0];
                for (int i = 0; i < n; i++) out[i] |= f[i];
            }
            return out;
        }
        DicomImage frame;
        try {
            frame = DicomReader.read(image);
        } catch (DicomReadException e) {
            throw new ImagingException("the image cannot be read: " + e.getMessage(), e);
        }
        int n = frame.rows() * frame.columns();
        Nifti1 nii;
        Mask mask;
        try {
            nii = Nifti1.read(file);
            mask = nii.mask();
        } catch (RuntimeException e) {
            throw new ImagingException("the lesion mask cannot be read: " + e.getMessage(), e);
        }
        int[] shape = nii.shape();
        if (shape.length < 2
                || shape[0] != frame.columns()
                || shape[1] != frame.rows()
                || (shape.length == 3 && shape[2] != 1)) {
            throw new ImagingException(
                    "the lesion mask is "
                            + java.util.Arrays.toString(shape)
                            + " (x, y[, z]); the image needs "
                            + frame.columns()
                            + " x "
                            + frame.rows()
                            + " (columns, rows)");
        }
        Optional<double[][]> affine = nii.worldAffine();
        if (affine.isPresent()) {
            Optional<SliceGeometry> geometry = geometry(image);
            if (geometry.isPresent()) check(affine.get(), geometry.get());
        }
        boolean[] out = new boolean[n];
        for (int y = 0; y < frame.rows(); y++) {
            for (int x = 0; x < frame.columns(); x++) {
                out[y * frame.columns() + x] = shape.length == 3 ? mask.at(x, y, 0) : mask.at(x, y);
            }
        }
        return out;
    }

    /** The image's plane geometry, empty for an image without one (a photograph). */
    private static Optional<SliceGeometry> geometry(Path image) {
        try {
            return Optional.ofNullable(
                    SourceSeries.read(List.of(image)).frames().get(0).geometry());
        } catch (ImagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Refuses a transform that does not put voxel (x, y) on pixel (row y, column x). */
    private static void check(double[][] ras, SliceGeometry g) throws ImagingException {
        double[] o = g.orientation();
        // Expected LPS steps: i along the row direction by the column spacing, j along the
        // column direction by the row spacing.
        double[][] want = {
            {o[0] * g.columnSpacing(), o[1] * g.columnSpacing(), o[2] * g.columnSpacing()},
            {o[3] * g.rowSpacing(), o[4] * g.rowSpacing(), o[5] * g.rowSpacing()}
        };
        String[] axis = {"i", "j"};
        for (int a = 0; a < 2; a++) {
            double[] step = {-ras[0][a], -ras[1][a], ras[2][a]};
            double len = Math.sqrt(dot(want[a], want[a]));
            double[] d = {step[0] - want[a][0], step[1] - want[a][1], step[2] - want[a][2]};
            if (Math.sqrt(dot(d, d)) > TOLERANCE * len) {
                throw new ImagingException(
                        "the lesion mask's axis "
                                + axis[a]
                                + " does not run along the image's "
                                + (a == 0 ? "rows" : "columns")
                                + " at its pixel spacing (flipped, transposed or resampled);"
                                + " refused, not re-sampled");
            }
        }
        double[] p = g.position();
        double[] off = {-ras[0][3] - p[0], -ras[1][3] - p[1], ras[2][3] - p[2]};
        if (Math.sqrt(dot(off, off)) > ORIGIN_TOLERANCE_MM) {
            throw new ImagingException(
                    String.format(
                            java.util.Locale.ROOT,
                            "the lesion mask's first voxel lies %.3f mm from the image's first"
                                    + " pixel",
                            Math.sqrt(dot(off, off))));
        }
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
