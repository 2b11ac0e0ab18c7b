package org.clinval.imaging.dicom.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OphthalmicPhotoWriterTest {

    @TempDir Path dir;

    static AcquisitionSeries series(String caseId) {
        PatientStudy study =
                new PatientStudy(
                        "PID" + caseId,
                        "CANARY^" + caseId,
                        "F",
                        Uids.derive("test", caseId, "study"),
                        caseId,
                        Optional.of(LocalDateTime.of(2026, 3, 4, 9, 30)),
                        false);
        return new AcquisitionSeries(
                study,
                Optional.of(
                        new IdentifyingDetails(
                                LocalDate.of(1960, 5, 6),
                                65,
                                "OID1",
                                "1 CANARY LANE",
                                "ACC1",
                                "CANARY HOSPITAL",
                                "CANARYDR^SAM")),
                Uids.derive("test", caseId, "series"),
                1,
                "TOPCON",
                "TRC-NW8",
                "EYE01");
    }

    static OphthalmicPhoto photo(int rows, int columns) {
        byte[] rgb = new byte[3 * rows * columns];
        for (int i = 0; i < rows * columns; i++) {
            rgb[3 * i] = (byte) (i % 251);
            rgb[3 * i + 1] = (byte) (i / columns * 7);
            rgb[3 * i + 2] = (byte) (200 - i % columns);
        }
        return new OphthalmicPhoto(rows, columns, rgb, 0.05, "R", 45, 1);
    }

    @Test
    void writesOphthalmicPhotographsThatDciodvfyAccepts() throws Exception {
        Path f = dir.resolve("op.dcm");
        OphthalmicPhotoWriter.write(series("c1"), photo(5, 7), f);
        Dciodvfy.Report r = Dciodvfy.assertValid(f, "OphthalmicPhotography8BitImage");
        System.out.println("dciodvfy warnings, OP: " + r.warnings());
    }

    /**
     * pydicom decodes what was written, colour by pixel. Reference call: {@code /usr/bin/python3
     * src/test/python/photo_values.py FILE} (pydicom 2.3.1 pixel_array, shape rows × columns × 3).
     */
    @Test
    void pydicomDecodesTheColourSamplesAndSpacing() throws Exception {
        Path f = dir.resolve("op.dcm");
        OphthalmicPhoto p = photo(5, 7);
        OphthalmicPhotoWriter.write(series("c2"), p, f);
        JsonNode j = new ObjectMapper().readTree(Python.run("photo_values.py", f.toString()));
        assertThat(j.get("modality").asText()).isEqualTo("OP");
        assertThat(j.get("photometric").asText()).isEqualTo("RGB");
        assertThat(j.get("shape").toString()).isEqualTo("[5,7,3]");
        assertThat(j.get("spacing").toString()).isEqualTo("[0.05,0.05]");
        JsonNode v = j.get("values");
        for (int i = 0; i < 3 * 35; i++) {
            assertThat(v.get(i).asInt()).as("sample %d", i).isEqualTo(p.rgb()[i] & 0xFF);
        }
    }

    @Test
    void sameInputsGiveByteIdenticalFiles() throws Exception {
        OphthalmicPhotoWriter.write(series("c3"), photo(4, 4), dir.resolve("a.dcm"));
        OphthalmicPhotoWriter.write(series("c3"), photo(4, 4), dir.resolve("b.dcm"));
        assertThat(Files.readAllBytes(dir.resolve("a.dcm")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b.dcm")));
    }

    @Test
    void refusesWrongSampleCountAndLaterality() {
        assertThatThrownBy(() -> new OphthalmicPhoto(2, 2, new byte[11], 0.05, "R", 45, 1))
                .hasMessageContaining("rgb has 11 samples, not 3 x 2 x 2 = 12");
        assertThatThrownBy(() -> new OphthalmicPhoto(2, 2, new byte[12], 0.05, "B", 45, 1))
                .hasMessageContaining("laterality is not R or L: B");
    }
}
