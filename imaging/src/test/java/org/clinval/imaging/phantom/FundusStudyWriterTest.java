package org.clinval.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FundusStudyWriterTest {

    @TempDir Path dir;

    private static FundusGenerator generator(long seed) {
        return FundusGenerator.builder()
                .setSeed(seed)
                .setSize(256)
                .optGradeShares(0.2, 0.2, 0.2, 0.2, 0.2)
                .build();
    }

    @Test
    void writesValidOphthalmicPhotographsMasksAndGrades() throws Exception {
        ImageStudy s = FundusStudyWriter.write(generator(11), 12, dir);
        List<String> truth = Files.readAllLines(s.groundTruth());
        assertThat(truth).hasSize(13);
        assertThat(truth.get(0)).isEqualTo(FundusStudyWriter.GROUND_TRUTH_HEADER);
        Dciodvfy.Report r =
                Dciodvfy.assertValid(
                        s.dicom().resolve("case-0001/IM001.dcm"), "OphthalmicPhotography8BitImage");
        System.out.println("dciodvfy warnings, fundus phantom: " + r.warnings());
        // pydicom and nibabel-free numpy decode image and mask; the masked pixels are lesions
        // Reference call: /usr/bin/python3 src/test/python/fundus_check.py ROOT (pydicom 2.3.1)
        JsonNode j = new ObjectMapper().readTree(Python.run("fundus_check.py", dir.toString()));
        for (JsonNode c : j.get("cases")) {
            String id = c.get("case_id").asText();
            FundusCase fc = generator(11).generateCase(Integer.parseInt(id.substring(5)) - 1);
            assertThat(c.get("modality").asText()).isEqualTo("OP");
            assertThat(c.get("shape").toString()).isEqualTo("[256,256,3]");
            assertThat(c.get("mask_shape").toString()).isEqualTo("[256,256]");
            int inMask = 0;
            for (boolean b : fc.mask()) if (b) inMask++;
            assertThat(c.get("mask_pixels").asInt()).as(id).isEqualTo(inMask);
            assertThat(c.get("mask_pixels").asInt() > 0)
                    .as("%s grade %d has a lesion mask", id, fc.grade())
                    .isEqualTo(fc.grade() > 0);
            assertThat(c.get("patient_name").asText()).isEqualTo(fc.patient().name());
            assertThat(c.get("adjudicated").asText())
                    .isEqualTo(FundusGenerator.GRADES.get(fc.grade()));
        }
        assertThat(s.canaries()).contains("CANARY EYE CLINIC A");
    }

    @Test
    void sameSeedGivesByteIdenticalStudies() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        FundusStudyWriter.write(generator(5), 4, a);
        FundusStudyWriter.write(generator(5), 4, b);
        for (String f :
                List.of(
                        "dicom/case-0003/IM001.dcm",
                        "truth/masks/case-0003.nii.gz",
                        "truth/ground-truth.csv")) {
            assertThat(Files.readAllBytes(a.resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }
}
