package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.ImagingException;

/** Small CT series written through {@link CtImageWriter}, the inputs of the writer tests. */
final class TestSeries {

    private TestSeries() {}

    static CtSeries series(String caseId) {
        return CtSeries.builder()
                .setStudy(PatientStudy.synthetic(caseId, "seed-7"))
                .setSeriesInstanceUid(Uids.derive("test", caseId, "series"))
                .setFrameOfReferenceUid(Uids.derive("test", caseId, "for"))
                .setBodyPartExamined("CHEST")
                .optKvp(120)
                .optWindow(40, 400)
                .optSeriesDescription("test phantom")
                .build();
    }

    /** A value that varies along rows, columns and slices, so a mix-up cannot go unnoticed. */
    static float hu(int slice, int r, int c) {
        return -1000f + 7.25f * r + 3.5f * c + 100f * slice;
    }

    /** Writes {@code slices} slices of {@code rows x cols}, 2.5 mm apart, axial. */
    static List<WrittenInstance> write(Path dir, String caseId, int slices, int rows, int cols)
            throws ImagingException {
        CtSeries s = series(caseId);
        List<WrittenInstance> out = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            float[] v = new float[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    v[r * cols + c] = hu(k, r, c);
                }
            }
            SliceGeometry g = SliceGeometry.axial(-100, -80, 10 + 2.5 * k, 0.7, 0.8, 2.5);
            out.add(
                    CtImageWriter.write(
                            s,
                            new CtImage(rows, cols, v, g, k + 1),
                            dir.resolve("ct" + k + ".dcm")));
        }
        return out;
    }
}
