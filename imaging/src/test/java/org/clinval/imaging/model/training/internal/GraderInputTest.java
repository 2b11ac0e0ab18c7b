package org.clinval.imaging.model.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.clinval.imaging.phantom.FundusCase;
import org.clinval.imaging.phantom.FundusGenerator;
import org.clinval.imaging.phantom.FundusStudyWriter;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grader is trained on exactly the input its descriptor describes. */
class GraderInputTest {

    @TempDir Path dir;

    /**
     * Reference call: {@code /usr/bin/python3 src/test/python/grader_input.py FILE 0.4 0.2 0.1 0.3
     * 0.15 0.06} (pydicom 2.3.1; torch bilinear interpolate, align_corners=False).
     */
    @Test
    void trainingInputEqualsTheDescriptorsPreprocessingOfTheWrittenImage() throws Exception {
        FundusGenerator g = FundusGenerator.builder().setSeed(31).setSize(256).build();
        FundusStudyWriter.write(g, 2, dir);
        double[] mean = {0.4, 0.2, 0.1}, std = {0.3, 0.15, 0.06};
        for (int i = 0; i < 2; i++) {
            FundusCase c = g.generateCase(i);
            float[] java = GraderInput.standardize(GraderInput.scaled(c), mean, std);
            JsonNode ref =
                    new ObjectMapper()
                            .readTree(
                                    Python.run(
                                            "grader_input.py",
                                            dir.resolve("dicom")
                                                    .resolve(c.caseId())
                                                    .resolve("IM001.dcm")
                                                    .toString(),
                                            "0.4",
                                            "0.2",
                                            "0.1",
                                            "0.3",
                                            "0.15",
                                            "0.06"))
                            .get("values");
            assertThat(ref.size()).isEqualTo(java.length);
            for (int k = 0; k < java.length; k++) {
                assertThat((double) java[k])
                        .as("value %d", k)
                        .isCloseTo(ref.get(k).asDouble(), within(1e-4));
            }
        }
    }
}
