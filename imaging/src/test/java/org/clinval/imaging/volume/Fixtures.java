package org.clinval.imaging.volume;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.dicom.write.CtImage;
import org.clinval.imaging.dicom.write.CtImageWriter;
import org.clinval.imaging.dicom.write.CtSeries;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.ModelIdentity;
import org.clinval.imaging.dicom.write.PatientStudy;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.Uids;

/** Small CT series with chosen slice positions, the inputs of the volume tests. */
final class Fixtures {

    static final ModelIdentity MODEL = new ModelIdentity("nodule-unet", "1", "cd".repeat(32));

    private Fixtures() {}

    /** A value that tells slice, row and column apart. */
    static float hu(int instance, int r, int c) {
        return -1000f + 7.25f * r + 3.5f * c + 100f * instance;
    }

    static CtSeries series(String caseId) {
        return CtSeries.builder()
                .setStudy(PatientStudy.synthetic(caseId, "seed-9"))
                .setSeriesInstanceUid(Uids.derive("vol-test", caseId, "series"))
                .setFrameOfReferenceUid(Uids.derive("vol-test", caseId, "for"))
                .setBodyPartExamined("CHEST")
                .build();
    }

    /**
     * Writes one axial slice per position {@code {x, y, z}} (instance numbers 1, 2, … in the given
     * order), {@code rows x cols}, spacing 0.7 (rows) and 0.8 (columns) mm, and returns the files
     * in the given order.
     */
    static List<Path> write(Path dir, String caseId, double[][] positions, int rows, int cols)
            throws Exception {
        return write(dir, caseId, positions, rows, cols, 0.7, 0.8);
    }

    static List<Path> write(
            Path dir,
            String caseId,
            double[][] positions,
            int rows,
            int cols,
            double rowSpacing,
            double colSpacing)
            throws Exception {
        return write(
                dir,
                caseId,
                positions,
                rows,
                cols,
                rowSpacing,
                colSpacing,
                (k, r, c) -> hu(k + 1, r, c));
    }

    /** The HU of voxel (slice index from 0, row, column) of a written series. */
    interface Voxels {
        float hu(int slice, int row, int column);
    }

    static List<Path> write(
            Path dir,
            String caseId,
            double[][] positions,
            int rows,
            int cols,
            double rowSpacing,
            double colSpacing,
            Voxels voxels)
            throws Exception {
        Files.createDirectories(dir);
        CtSeries s = series(caseId);
        List<Path> out = new ArrayList<>();
        for (int k = 0; k < positions.length; k++) {
            float[] v = new float[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    v[r * cols + c] = voxels.hu(k, r, c);
                }
            }
            SliceGeometry g =
                    new SliceGeometry(
                            positions[k],
                            new double[] {1, 0, 0, 0, 1, 0},
                            rowSpacing,
                            colSpacing,
                            2);
            Path f = dir.resolve(caseId + "-ct" + k + ".dcm");
            CtImageWriter.write(s, new CtImage(rows, cols, v, g, k + 1), f);
            out.add(f);
        }
        return out;
    }

    /** Positions {@code (-100, -80, z0 + k · step)} for {@code k = 0 … n−1}. */
    static double[][] stack(int n, double z0, double step) {
        double[][] p = new double[n][];
        for (int k = 0; k < n; k++) {
            p[k] = new double[] {-100, -80, z0 + k * step};
        }
        return p;
    }

    static DerivedInstance id(String name) {
        return new DerivedInstance(
                Uids.derive("vol-test", name, "derived"),
                200,
                1,
                LocalDateTime.of(2025, 3, 4, 5, 6, 7),
                MODEL);
    }
}
