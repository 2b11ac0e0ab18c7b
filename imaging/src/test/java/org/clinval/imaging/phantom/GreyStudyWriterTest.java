package org.clinval.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreyStudyWriterTest {

    @TempDir Path dir;

    /** Reference call: /usr/bin/python3 src/test/python/grey_check.py ROOT (pydicom 2.3.1). */
    private static JsonNode read(Path root) throws Exception {
        return new ObjectMapper().readTree(Python.run("grey_check.py", root.toString()));
    }

    @Test
    void mrStudyIsValidAndItsSitesScaleIntensities() throws Exception {
        GreyPhantomGenerator g = GreyPhantomGenerator.of("MR", 21, 128, 0.5);
        ImageStudy s = GreyStudyWriter.write(g, 24, dir);
        Dciodvfy.Report r =
                Dciodvfy.assertValid(s.dicom().resolve("case-0001/IM001.dcm"), "MRImage");
        System.out.println("dciodvfy warnings, MR phantom: " + r.warnings());
        Map<String, Double> median = new HashMap<>();
        for (JsonNode c : read(dir).get("cases")) {
            GreyCase gc =
                    g.generateCase(Integer.parseInt(c.get("case_id").asText().substring(5)) - 1);
            assertThat(c.get("modality").asText()).isEqualTo("MR");
            assertThat(c.get("photometric").asText()).isEqualTo("MONOCHROME2");
            assertThat(c.get("sum").asLong()).isEqualTo(sum(gc.stored()));
            assertThat(c.get("mask_pixels").asInt() > 0).isEqualTo(gc.positive());
            median.merge(c.get("site").asText(), c.get("median_foreground").asDouble(), Math::max);
        }
        // the scanners' receiver scaling (A 1, B 2.6, C 0.45) shows in the decoded head intensities
        assertThat(median.get("B") / median.get("A")).isBetween(2.0, 3.2);
        assertThat(median.get("C") / median.get("A")).isBetween(0.3, 0.6);
    }

    @Test
    void dxStudyHasBothPhotometricInterpretationsWithInvertedWindows() throws Exception {
        GreyPhantomGenerator g = GreyPhantomGenerator.of("DX", 22, 128, 0.5);
        ImageStudy s = GreyStudyWriter.write(g, 24, dir);
        Set<String> seen = new HashSet<>();
        for (JsonNode c : read(dir).get("cases")) {
            GreyCase gc =
                    g.generateCase(Integer.parseInt(c.get("case_id").asText().substring(5)) - 1);
            String pi = c.get("photometric").asText();
            assertThat(pi).isEqualTo(gc.monochrome1() ? "MONOCHROME1" : "MONOCHROME2");
            assertThat(c.get("sum").asLong()).isEqualTo(sum(gc.stored()));
            if (seen.add(pi)) {
                Dciodvfy.assertValid(
                        s.dicom().resolve(gc.caseId()).resolve("IM001.dcm"),
                        "DXImageForPresentation");
            }
            // a MONOCHROME1 window lies where its inverted values do: lungs are high stored values
            double lungs = gc.monochrome1() ? 4095 - gc.windowCenter() : gc.windowCenter();
            assertThat(lungs).isBetween(1000.0, 2600.0);
        }
        assertThat(seen).containsExactlyInAnyOrder("MONOCHROME1", "MONOCHROME2");
        assertThat(Files.readAllLines(s.groundTruth()).get(0))
                .isEqualTo(GreyStudyWriter.GROUND_TRUTH_HEADER);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndBadSettingsAreRefused() throws Exception {
        for (String m : List.of("MR", "DX")) {
            GreyStudyWriter.write(GreyPhantomGenerator.of(m, 3, 128, 0.5), 2, dir.resolve(m + "a"));
            GreyStudyWriter.write(GreyPhantomGenerator.of(m, 3, 128, 0.5), 2, dir.resolve(m + "b"));
            for (String f : List.of("dicom/case-0002/IM001.dcm", "truth/masks/case-0002.nii.gz")) {
                assertThat(Files.readAllBytes(dir.resolve(m + "a").resolve(f)))
                        .isEqualTo(Files.readAllBytes(dir.resolve(m + "b").resolve(f)));
            }
        }
        assertThatThrownBy(() -> GreyPhantomGenerator.of("CT", 1, 128, 0.5))
                .hasMessageContaining("phantom modality is not MR or DX: CT");
    }

    private static long sum(int[] v) {
        long s = 0;
        for (int x : v) s += x;
        return s;
    }
}
