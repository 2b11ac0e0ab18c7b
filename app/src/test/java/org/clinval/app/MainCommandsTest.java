package org.clinval.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Only the command a command line names is built; the help and a mistyped command see them all. */
class MainCommandsTest {

    @Test
    void theNamedCommandAloneIsBuilt() {
        assertThat(Main.commands(new String[] {"stats", "roc", "--csv", "x"}))
                .containsExactly(org.clinval.app.stats.StatsCommand.class);
        assertThat(Main.commands(new String[] {"--debug", "demo"}))
                .containsExactly(org.clinval.app.demo.DemoCommand.class);
        assertThat(Main.commands(new String[] {"--version"})).isEmpty();
        assertThat(Main.commands(new String[] {"--help"})).isEqualTo(Main.COMMANDS);
        assertThat(Main.commands(new String[] {"stat"})).isEqualTo(Main.COMMANDS);
        assertThat(Main.commands(new String[0])).isEqualTo(Main.COMMANDS);
        for (Class<?> c : Main.COMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            assertThat(Main.commands(new String[] {name})).containsExactly(c);
        }
    }

    @Test
    void theHelpListsEveryCommandAndAMistypedOneIsNamed() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exit()).isZero();
        for (Class<?> c : Main.COMMANDS) {
            assertThat(help.out()).contains("  " + c.getAnnotation(Command.class).name() + " ");
        }
        CliRun typo = CliRun.of("stat", "roc");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("'stat'").contains("clinval --help");
        CliRun version = CliRun.of("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("clinval ");
    }

    @Test
    void versionAloneIsPrintedAsPicocliPrintsIt() {
        // --version alone skips picocli; with another option it goes through picocli's own help.
        CliRun alone = CliRun.of("--version");
        CliRun parsed = CliRun.of("--debug", "--version");
        assertThat(alone.exit()).isZero();
        assertThat(parsed.exit()).isZero();
        assertThat(alone.out())
                .isEqualTo(parsed.out())
                .isEqualTo("clinval " + Version.current() + System.lineSeparator());
        assertThat(CliRun.of("-V").out()).isEqualTo(alone.out());
        assertThat(alone.err()).isEmpty();
    }
}
