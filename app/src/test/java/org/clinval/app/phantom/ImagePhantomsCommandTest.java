package org.clinval.app.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePhantomsCommandTest {

    @TempDir Path dir;

    @Test
    void writesFundusMrAndDxStudiesWithMasks() throws Exception {
        for (String kind : List.of("fundus", "mr", "dx")) {
            Path out = dir.resolve(kind);
            CliRun r =
                    CliRun.of(
                            "phantoms",
                            "--kind",
                            kind,
                            "--out",
                            out.toString(),
                            "--cases",
                            "4",
                            "--seed",
                            "8",
                            "--size",
                            kind.equals("fundus") ? "256" : "128");
            assertThat(r.err()).as(kind).isEmpty();
            JsonNode o = r.json();
            assertThat(o.get("kind").asText()).isEqualTo(kind);
            List<String> truth = Files.readAllLines(Path.of(o.get("ground_truth").asText()));
            assertThat(truth).hasSize(5);
            if (kind.equals("fundus")) {
                assertThat(truth.get(0)).contains("grader_1,grader_2,grader_3,adjudicated");
            }
            for (int i = 1; i <= 4; i++) {
                String c = String.format("case-%04d", i);
                assertThat(out.resolve("dicom").resolve(c).resolve("IM001.dcm")).isRegularFile();
                assertThat(Path.of(o.get("masks").asText()).resolve(c + ".nii.gz")).isRegularFile();
            }
        }
    }

    @Test
    void anUnknownKindIsNamed() {
        assertThat(
                        CliRun.of(
                                        "phantoms",
                                        "--kind",
                                        "us",
                                        "--out",
                                        dir.toString(),
                                        "--cases",
                                        "2",
                                        "--seed",
                                        "1")
                                .err())
                .startsWith("clinval: --kind is not ct, fundus, mr or dx: us");
    }
}
