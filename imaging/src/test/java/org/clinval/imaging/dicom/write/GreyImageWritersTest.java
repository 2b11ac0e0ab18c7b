package org.clinval.imaging.dicom.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreyImageWritersTest {

    @TempDir Path dir;

    private static GreyImage image(boolean mono1, String part) {
        int[] v = new int[6 * 5];
        for (int i = 0; i < v.length; i++) v[i] = (i * 137) % 4096;
        return new GreyImage(6, 5, v, 12, mono1, 1800, 3000, part, 1);
    }

    @Test
    void writesMrImagesThatDciodvfyAccepts() throws Exception {
        Path f = dir.resolve("mr.dcm");
        MrImageWriter.write(
                OphthalmicPhotoWriterTest.series("m1"),
                image(false, "HEAD"),
                SliceGeometry.axial(-100, -100, 0, 1.8, 1.8, 5),
                Uids.derive("test", "m1", "frame"),
                500,
                15,
                1.5,
                f);
        Dciodvfy.Report r = Dciodvfy.assertValid(f, "MRImage");
        System.out.println("dciodvfy warnings, MR: " + r.warnings());
    }

    @Test
    void writesDxImagesInBothPhotometricInterpretationsThatDciodvfyAccepts() throws Exception {
        for (boolean mono1 : new boolean[] {false, true}) {
            Path f = dir.resolve("dx" + mono1 + ".dcm");
            DxImageWriter.write(
                    OphthalmicPhotoWriterTest.series("d1"), image(mono1, "CHEST"), 0.7, f);
            Dciodvfy.Report r = Dciodvfy.assertValid(f, "DXImageForPresentation");
            System.out.println("dciodvfy warnings, DX " + mono1 + ": " + r.warnings());
        }
    }

    /**
     * pydicom decodes the stored values, photometric interpretation and window. Reference call:
     * {@code /usr/bin/python3 src/test/python/photo_values.py FILE} (pydicom 2.3.1).
     */
    @Test
    void pydicomDecodesStoredValuesAndWindow() throws Exception {
        Path f = dir.resolve("dx.dcm");
        GreyImage img = image(true, "CHEST");
        DxImageWriter.write(OphthalmicPhotoWriterTest.series("d2"), img, 0.7, f);
        JsonNode j = new ObjectMapper().readTree(Python.run("photo_values.py", f.toString()));
        assertThat(j.get("photometric").asText()).isEqualTo("MONOCHROME1");
        assertThat(j.get("modality").asText()).isEqualTo("DX");
        assertThat(j.get("spacing").toString()).isEqualTo("[0.7,0.7]");
        assertThat(j.get("window").toString()).isEqualTo("[1800.0,3000.0]");
        for (int i = 0; i < img.stored().length; i++) {
            assertThat(j.get("values").get(i).asInt()).isEqualTo(img.stored()[i]);
        }
    }

    @Test
    void refusesValuesBeyondBitsStored() {
        assertThatThrownBy(() -> new GreyImage(1, 2, new int[] {0, 4096}, 12, false, 1, 1, "X", 1))
                .hasMessageContaining("stored value 4096 at row 0, column 1 is not in [0, 4095]");
    }
}
