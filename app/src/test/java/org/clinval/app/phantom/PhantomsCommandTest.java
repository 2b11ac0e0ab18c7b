package org.clinval.app.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomsCommandTest {

    @TempDir Path dir;

    @Test
    void writesAStudyAndSaysWhere() throws Exception {
        CliRun r =
                CliRun.of(
                        "phantoms",
                        "--out",
                        dir.toString(),
                        "--cases",
                        "5",
                        "--seed",
                        "3",
                        "--prevalence",
                        "0.6");
        assertThat(r.err()).isEmpty();
        JsonNode o = r.json();
        assertThat(o.get("cases").asInt()).isEqualTo(5);
        assertThat(Files.readAllLines(Path.of(o.get("ground_truth").asText()))).hasSize(6);
        assertThat(o.get("segmentations").asInt()).isEqualTo(o.get("positives").asInt());
        assertThat(Files.list(Path.of(o.get("dicom").asText())).count()).isEqualTo(5);
    }

    @Test
    void badSettingsAreNamed() {
        assertThat(
                        CliRun.of(
                                        "phantoms",
                                        "--out",
                                        dir.toString(),
                                        "--cases",
                                        "0",
                                        "--seed",
                                        "1")
                                .err())
                .isEqualTo(
                        "clinval: --cases is not a whole number in [1, 1,000,000]: 0\n"
                                + "Run 'clinval phantoms --help' for its options.\n");
        assertThat(
                        CliRun.of(
                                        "phantoms",
                                        "--out",
                                        dir.toString(),
                                        "--cases",
                                        "2",
                                        "--seed",
                                        "1",
                                        "--size",
                                        "100")
                                .err())
                .isEqualTo("clinval: phantom size is not 64, 128 or 256: 100\n");
        assertThat(
                        CliRun.of(
                                        "phantoms",
                                        "--out",
                                        dir.toString(),
                                        "--cases",
                                        "2",
                                        "--seed",
                                        "1",
                                        "--prevalence",
                                        "1.5")
                                .err())
                .isEqualTo("clinval: prevalence is not in [0, 1]: 1.5\n");
    }
}
