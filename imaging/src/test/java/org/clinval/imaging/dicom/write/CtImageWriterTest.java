package org.clinval.imaging.dicom.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.testing.Dciodvfy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtImageWriterTest {

    @TempDir Path dir;

    @Test
    void writesCtImagesThatDciodvfyAccepts() throws Exception {
        List<WrittenInstance> w = TestSeries.write(dir, "case-001", 2, 6, 5);
        for (WrittenInstance i : w) {
            Dciodvfy.Report r = Dciodvfy.assertValid(i.file(), "CTImage");
            System.out.println("dciodvfy warnings, CT: " + r.warnings());
        }
    }

    @Test
    void sameInputsGiveByteIdenticalFiles() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        TestSeries.write(a, "case-002", 2, 4, 3);
        TestSeries.write(b, "case-002", 2, 4, 3);
        for (String f : List.of("ct0.dcm", "ct1.dcm")) {
            assertThat(Files.readAllBytes(a.resolve(f)))
                    .isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }

    @Test
    void refusesAValueTheModalityLutCannotStore() {
        CtSeries s =
                CtSeries.builder()
                        .setStudy(PatientStudy.synthetic("c", "s"))
                        .setSeriesInstanceUid("1.2.3")
                        .setFrameOfReferenceUid("1.2.4")
                        .setBodyPartExamined("HEAD")
                        .optRescale(0.1, 0)
                        .build();
        CtImage img =
                new CtImage(1, 2, new float[] {0, 4000}, SliceGeometry.axial(0, 0, 0, 1, 1, 1), 1);
        assertThatThrownBy(() -> CtImageWriter.write(s, img, dir.resolve("x.dcm")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HU 4000.0 at row 0, column 1");
    }

    @Test
    void refusesMissingBodyPartAndBadGeometry() {
        assertThatThrownBy(
                        () -> CtSeries.builder().setStudy(PatientStudy.synthetic("c", "s")).build())
                .hasMessageContaining("series instance UID is required");
        assertThatThrownBy(
                        () ->
                                new SliceGeometry(
                                        new double[] {0, 0, 0},
                                        new double[] {1, 0, 0, 1, 0, 0},
                                        1,
                                        1,
                                        1))
                .hasMessageContaining("not two orthogonal unit vectors");
        assertThatThrownBy(() -> SliceGeometry.axial(0, 0, 0, 0, 1, 1))
                .hasMessageContaining("row spacing is not a positive finite number: 0.0");
    }
}
