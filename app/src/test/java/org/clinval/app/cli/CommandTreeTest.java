package org.clinval.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clinval.app.Main;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command line builds only the commands its words name, at every level. */
class CommandTreeTest {

    @Test
    void aNamedSubcommandIsBuiltAloneAtEveryLevel() {
        CommandLine binary = CommandTree.of(new Main(), new String[] {"stats", "binary", "--csv"});
        assertThat(binary.getSubcommands()).containsOnlyKeys("stats");
        assertThat(binary.getSubcommands().get("stats").getSubcommands())
                .containsOnlyKeys("binary");

        CommandLine open =
                CommandTree.of(
                        new Main(), new String[] {"--debug", "pms", "investigation", "open"});
        CommandLine investigation =
                open.getSubcommands().get("pms").getSubcommands().get("investigation");
        assertThat(open.getSubcommands().get("pms").getSubcommands())
                .containsOnlyKeys("investigation");
        assertThat(investigation.getSubcommands()).containsOnlyKeys("open");
    }

    @Test
    void theHelpAnOptionOrAMistypedNameBuildsEverythingBelow() {
        CommandLine stats = CommandTree.of(new Main(), new String[] {"stats", "--help"});
        assertThat(stats.getSubcommands().get("stats").getSubcommands())
                .containsKeys("binary", "roc", "froc", "kappa", "mrmc", "example")
                .hasSize(CommandTree.subcommands(org.clinval.app.stats.StatsCommand.class).size());
        CommandLine typo = CommandTree.of(new Main(), new String[] {"pms", "investigaton"});
        assertThat(
                        typo.getSubcommands()
                                .get("pms")
                                .getSubcommands()
                                .get("investigation")
                                .getSubcommands())
                .containsOnlyKeys("open", "list", "complete");
    }

    @Test
    void theWholeTreeHasEveryDeclaredCommandAndNoneDeclaredToPicocli() {
        CommandLine all = CommandTree.of(new Main(), new String[0]);
        List<String> missing = new ArrayList<>();
        check(all, missing);
        assertThat(missing).isEmpty();
        assertThat(all.getSubcommands()).hasSize(CommandTree.subcommands(Main.class).size());
    }

    /**
     * Every built command has each of its declared subcommands, and none declares subcommands to
     * picocli, which would build them all whenever it is built.
     */
    private static void check(CommandLine line, List<String> missing) {
        Class<?> type = line.getCommandSpec().userObject().getClass();
        if (type.getAnnotation(Command.class).subcommands().length > 0) {
            missing.add(type.getName() + " declares @Command(subcommands); use @Subcommands");
        }
        for (Class<?> c : CommandTree.subcommands(type)) {
            String name = c.getAnnotation(Command.class).name();
            if (!line.getSubcommands().containsKey(name)) {
                missing.add(line.getCommandSpec().qualifiedName() + " " + name);
            }
        }
        line.getSubcommands().values().forEach(sub -> check(sub, missing));
    }

    @Test
    void aMistypedCommandGetsTheNearestNames() {
        CliRun statistic = CliRun.of("stats", "rox", "--csv", "x.csv");
        assertThat(statistic.exit()).isEqualTo(2);
        assertThat(statistic.err()).contains("'rox'").contains("did you mean roc or froc?");
        CliRun command = CliRun.of("stat", "roc");
        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.err()).contains("'stat'").contains("did you mean stats or ");
        CliRun option =
                CliRun.of(
                        "stats",
                        "binary",
                        "--csv",
                        "x.csv",
                        "--label",
                        "y",
                        "--score",
                        "p",
                        "--treshold",
                        "0.5");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err())
                .contains(
                        "Missing required option: '--threshold=T'; Unknown options: '--treshold',"
                                + " '0.5'; did you mean --threshold?\n");
    }
}
