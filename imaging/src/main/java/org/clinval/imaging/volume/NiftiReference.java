package org.clinval.imaging.volume;

import java.nio.file.Path;
import java.util.Locale;
import org.clinval.imaging.dicom.Vector3;
import org.clinval.imaging.nifti.InvalidNiftiException;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.validation.segmentation.Mask;

/**
 * Places a NIfTI-1 reference mask on a series' grid. The file's voxel-to-world transform (sform if
 * {@code sform_code > 0}, else qform if {@code qform_code > 0}) maps RAS+ world coordinates, which
 * are DICOM patient coordinates with x and y negated. Each NIfTI axis must run along one axis of
 * the series grid (columns, rows or slices), in the same direction, with the same step (within
 * {@value #STEP_TOLERANCE} relative), the same number of voxels, and the first voxels must coincide
 * (within {@value #ORIGIN_TOLERANCE_MM} mm). An axis order that differs is followed; a flipped or
 * oblique axis, another spacing, extent or origin is refused with the reason, never flipped or
 * resampled — a reference that needs that was not made on this series.
 */
final class NiftiReference {

    static final double DIRECTION_TOLERANCE = 1e-3;
    static final double STEP_TOLERANCE = 1e-3;
    static final double ORIGIN_TOLERANCE_MM = 0.05;
    private static final String[] NIFTI_AXES = {"i", "j", "k"};
    private static final String[] GRID_AXES = {"slices", "rows", "columns"};

    private NiftiReference() {}

    static VolumeMask place(Path file, SeriesVolume volume) throws VolumeException {
        String label = "the reference NIfTI";
        Nifti1 nii;
        Mask mask;
        try {
            nii = Nifti1.read(file);
            mask = nii.mask();
        } catch (InvalidNiftiException e) {
            throw new VolumeException(
                    volume.name(),
                    org.clinval.imaging.volume.internal.Redact.path(e.getMessage(), file, label),
                    e);
        }
        int[] shape = nii.shape();
        if (shape.length != 3) {
            throw new VolumeException(volume.name(), label + " is not a 3D image");
        }
        double[][] ras =
                nii.worldAffine()
                        .orElseThrow(
                                () ->
                                        new VolumeException(
                                                volume.name(),
                                                label
                                                        + " has neither sform nor qform (both codes"
                                                        + " 0): it does not say where it lies in"
                                                        + " the patient"));
        VolumeGeometry g = volume.geometry();
        // the grid's steps in LPS, in the order slices, rows, columns
        Vector3[] gridStep = {
            scale(g.normal(), g.sliceSpacing()),
            scale(g.orientation().column(), g.rowSpacing()),
            scale(g.orientation().row(), g.columnSpacing())
        };
        int[] gridSize = {g.slices(), g.rows(), g.columns()};
        int[] axisOf = new int[3]; // NIfTI axis a runs along grid axis axisOf[a]
        boolean[] used = new boolean[3];
        for (int a = 0; a < 3; a++) {
            Vector3 step = new Vector3(-ras[0][a], -ras[1][a], ras[2][a]); // RAS → LPS
            int found = -1;
            for (int b = 0; b < 3; b++) {
                double cos = step.dot(gridStep[b]) / (step.norm() * gridStep[b].norm());
                if (Math.abs(Math.abs(cos) - 1) > DIRECTION_TOLERANCE) continue;
                if (cos < 0) {
                    throw new VolumeException(
                            volume.name(),
                            label
                                    + "'s axis "
                                    + NIFTI_AXES[a]
                                    + " ("
                                    + nii.affineSource()
                                    + ") runs opposite to the series' "
                                    + GRID_AXES[b]
                                    + ": a flipped axis; a reference is not flipped to fit");
                }
                found = b;
            }
            if (found < 0 || used[found]) {
                throw new VolumeException(
                        volume.name(),
                        label
                                + "'s axis "
                                + NIFTI_AXES[a]
                                + " ("
                                + nii.affineSource()
                                + ") runs along no axis of the series grid (oblique or another"
                                + " orientation)");
            }
            used[found] = true;
            axisOf[a] = found;
            double ratio = step.norm() / gridStep[found].norm();
            if (Math.abs(ratio - 1) > STEP_TOLERANCE) {
                throw new VolumeException(
                        volume.name(),
                        String.format(
                                Locale.ROOT,
                                "%s's axis %s has a step of %.4g mm, the series' %s %.4g mm",
                                label,
                                NIFTI_AXES[a],
                                step.norm(),
                                GRID_AXES[found],
                                gridStep[found].norm()));
            }
            if (shape[a] != gridSize[found]) {
                throw new VolumeException(
                        volume.name(),
                        label
                                + " has "
                                + shape[a]
                                + " voxels along "
                                + NIFTI_AXES[a]
                                + ", the series "
                                + gridSize[found]
                                + " "
                                + GRID_AXES[found]);
            }
        }
        Vector3 origin = new Vector3(-ras[0][3], -ras[1][3], ras[2][3]);
        double off = origin.minus(g.origin()).norm();
        if (off > ORIGIN_TOLERANCE_MM) {
            throw new VolumeException(
                    volume.name(),
                    String.format(
                            Locale.ROOT,
                            "%s's first voxel lies %.3f mm from the series' first voxel",
                            label,
                            off));
        }
        boolean[][] out = new boolean[g.slices()][g.rows() * g.columns()];
        int[] index = new int[3];
        for (int x = 0; x < shape[0]; x++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int z = 0; z < shape[2]; z++) {
                    if (!mask.at(x, y, z)) continue;
                    index[axisOf[0]] = x;
                    index[axisOf[1]] = y;
                    index[axisOf[2]] = z;
                    out[index[0]][index[1] * g.columns() + index[2]] = true;
                }
            }
        }
        return new VolumeMask(g, out);
    }

    private static Vector3 scale(Vector3 v, double f) {
        return new Vector3(v.x() * f, v.y() * f, v.z() * f);
    }
}
