package org.clinval.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees from {@code clinval cluster} before any cluster runs. */
class ClusterCommandTest {

    @TempDir Path dir;

    @Test
    void statusWithoutAClusterNamesTheFolderAndHowToStartOne() {
        Path folder = dir.resolve("nowhere");
        CliRun r = CliRun.of("cluster", "status", "--dir", folder.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains("no cluster was started from " + folder.toAbsolutePath())
                .contains("clinval cluster start --dir " + folder)
                .doesNotContain("Exception");
    }

    @Test
    void stopAndAddWithoutAClusterSayTheSame() {
        for (String sub : new String[] {"stop", "add-taskmanager"}) {
            CliRun r = CliRun.of("cluster", sub, "--dir", dir.toString());
            assertThat(r.exit()).as(sub).isEqualTo(1);
            assertThat(r.err()).as(sub).contains("no cluster was started from");
        }
    }

    @Test
    void startRefusesCountsOutOfRangeAsBadUsage() {
        CliRun slots = CliRun.of("cluster", "start", "--dir", dir.toString(), "--slots", "0");
        assertThat(slots.exit()).isEqualTo(2);
        assertThat(slots.err()).contains("--slots is not in 1..64: 0");
        CliRun tms = CliRun.of("cluster", "start", "--dir", dir.toString(), "--taskmanagers", "-1");
        assertThat(tms.exit()).isEqualTo(2);
        assertThat(tms.err()).contains("--taskmanagers is not in 1..64: -1");
        CliRun port = CliRun.of("cluster", "start", "--dir", dir.toString(), "--port", "70000");
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).contains("--port is not a port: 70000");
    }

    @Test
    void aCommandLineWithoutASubcommandSaysWhichToGive() {
        CliRun r = CliRun.of("cluster");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("a subcommand is required, e.g. 'clinval cluster start'");
    }
}
