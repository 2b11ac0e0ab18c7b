package org.clinval.streaming.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.SourceFrame;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.imaging.nifti.NiftiWriter;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-image lesion masks: a SEG and a NIfTI on the image's grid agree; a flipped one is refused.
 */
class LesionMaskTest {

    @TempDir static Path dir;
    private static Path image;
    private static Path seg;
    private static SourceFrame frame;

    @BeforeAll
    static void phantom() throws Exception {
        PhantomStudy s =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(12)
                                .setSize(128)
                                .setPrevalence(1)
                                .optDiameters(15, 20)
                                .build(),
                        1,
                        dir.resolve("study"));
        seg = s.segmentations().get(0);
        String name = seg.getFileName().toString().replace(".dcm", "");
        try (var f = Files.list(s.dicom().resolve(name))) {
            image = f.sorted().findFirst().orElseThrow();
        }
        frame = SourceSeries.read(List.of(image)).frames().get(0);
    }

    private static Path nifti(String name, boolean[] mask, boolean flipRows) throws Exception {
        SliceGeometry g = frame.geometry();
        double[] p = g.position();
        int rows = frame.rows(), cols = frame.columns();
        double sign = flipRows ? -1 : 1;
        double[][] srow = {
            {-g.columnSpacing(), 0, 0, -p[0]},
            {0, -sign * g.rowSpacing(), 0, -p[1] - (flipRows ? g.rowSpacing() * (rows - 1) : 0)},
            {0, 0, g.sliceThickness(), p[2]}
        };
        return NiftiWriter.mask(
                        new int[] {cols, rows, 1},
                        new double[] {g.columnSpacing(), g.rowSpacing(), g.sliceThickness()},
                        Nifti1.Datatype.UINT8,
                        (x, y, z) -> mask[(flipRows ? rows - 1 - y : y) * cols + x])
                .sform(1, srow)
                .gzip()
                .write(dir.resolve(name + ".nii.gz"));
    }

    @Test
    void aNiftiOnTheImageGridReadsAsTheSegAndAFlippedOneIsRefused() throws Exception {
        boolean[] fromSeg = LesionMask.read(seg, image);
        int inside = 0;
        for (boolean b : fromSeg) if (b) inside++;
        assertThat(inside).isPositive();
        assertThat(LesionMask.read(nifti("same", fromSeg, false), image)).isEqualTo(fromSeg);
        Path flipped = nifti("flipped", fromSeg, true);
        assertThatThrownBy(() -> LesionMask.read(flipped, image))
                .hasMessageContaining("axis j does not run along the image's columns");
    }

    @Test
    void aNiftiOfAnotherSizeIsRefusedNamingBothSizes() throws Exception {
        Path small =
                NiftiWriter.mask(
                                new int[] {10, 12, 1},
                                new double[] {1, 1, 1},
                                Nifti1.Datatype.UINT8,
                                (x, y, z) -> x == y)
                        .write(dir.resolve("small.nii"));
        assertThatThrownBy(() -> LesionMask.read(small, image))
                .hasMessageContaining("[10, 12]")
                .hasMessageContaining("128 x 128 (columns, rows)");
    }
}
