package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCommandTest {

    @TempDir Path dir;

    @Test
    void exampleSummarisesTheExampleStudyAndWritesWhatItAnalysed() throws IOException {
        CliRun r = CliRun.of("stats", "example", "--out", dir.toString(), "--replicates", "200");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("600 synthetic chest CT cases")
                .contains("sensitivity")
                .contains("DeLong 95% CI")
                .contains("200 replicates, seed 20261121")
                .contains("warning: site = C")
                .doesNotContain("NaN");
        Path summary = dir.resolve("summary.txt");
        assertThat(Files.readString(summary)).contains("Youden-optimal threshold");
        assertThat(Files.readAllLines(dir.resolve("example-study.csv"))).hasSize(602);
    }
}
