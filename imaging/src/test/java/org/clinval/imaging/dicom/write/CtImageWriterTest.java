package org.clinval.imaging.dicom.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
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

    /**
     * pydicom decodes what was written. Reference call: {@code /usr/bin/python3
     * src/test/python/ct_values.py CT} (pydicom 2.3.1): HU = pixel_array * slope + intercept.
     */
    @Test
    void pydicomDecodesTheHounsfieldUnitsAndGeometry() throws Exception {
        List<WrittenInstance> w = TestSeries.write(dir, "case-003", 2, 6, 5);
        for (int k = 0; k < 2; k++) {
            JsonNode j =
                    new ObjectMapper()
                            .readTree(Python.run("ct_values.py", w.get(k).file().toString()));
            JsonNode hu = j.get("hu");
            assertThat(hu.size()).isEqualTo(30);
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 5; c++) {
                    // stored values are whole HU with slope 1: the writer rounds
                    assertThat(hu.get(r * 5 + c).asDouble())
                            .isEqualTo(Math.round(TestSeries.hu(k, r, c)));
                }
            }
            assertThat(j.get("position").get(2).asDouble()).isEqualTo(10 + 2.5 * k);
            assertThat(j.get("spacing").toString()).isEqualTo("[0.7,0.8]");
            assertThat(j.get("thickness").asDouble()).isEqualTo(2.5);
            assertThat(j.get("body_part").asText()).isEqualTo("CHEST");
            assertThat(j.get("modality").asText()).isEqualTo("CT");
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
