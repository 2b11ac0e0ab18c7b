package org.clinval.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer reads when {@code docs generate} is called wrongly: one line naming the fault.
 */
class DocsCommandMessagesTest {

    @TempDir Path dir;

    @Test
    void aWrongKindIsNamedBeforeTheRunIsLookedAt() {
        CliRun r = CliRun.of("docs", "generate", "--run", "no-such-run", "--kind", "510");
        // Bad usage (exit 2): a value wrong on its own, checked before any file is read.
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "clinval: --kind: no document kind 510 (the kinds of a run: 510k,"
                                + " model-card, mdr-cer, claim) or tool-validation");
    }

    @Test
    void aMissingOrWrongRunIsNamed() throws Exception {
        CliRun none = CliRun.of("docs", "generate", "--kind", "claim");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err().lines().findFirst().orElseThrow())
                .isEqualTo("clinval: --run DIR is needed for --kind claim");
        Path file = Files.writeString(dir.resolve("run.txt"), "x");
        CliRun notAFolder =
                CliRun.of("docs", "generate", "--kind", "510k", "--run", file.toString());
        assertThat(notAFolder.err().strip())
                .isEqualTo("clinval: --run " + file + " is not a folder");
        // Bad input (exit 1): the option is right, the file system disagrees.
        assertThat(notAFolder.exit()).isEqualTo(1);
    }
}
