package org.clinval.app.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.compliance.ComplianceDocs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval docs}: submission-shaped documents from a study's records. */
@Command(
        name = "docs",
        description = "Regulatory documents written from a finished study run's records.",
        subcommands = {DocsCommand.Generate.class})
public final class DocsCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval docs generate'");
    }

    /** {@code clinval docs generate}. */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = {
                "Writes a document of a finished study run as DOCX: --kind 510k, the standalone"
                        + " performance testing section of a 510(k); --kind model-card, the model"
                        + " card of FDA's 2025 draft guidance on AI-enabled device software"
                        + " functions; --kind mdr-cer, the clinical evaluation of the software for"
                        + " the EU MDR technical documentation (MDCG 2020-1) with its GSPR rows."
                        + " Every number refers to its"
                        + " computation record (appendix A); what the records cannot say is marked"
                        + " for the manufacturer to complete."
            })
    public static final class Generate implements Callable<Integer> {

        @Option(
                names = "--run",
                required = true,
                paramLabel = "DIR",
                description = "The run folder.")
        Path run;

        @Option(
                names = "--kind",
                defaultValue = "510k",
                paramLabel = "KIND",
                description = "510k, model-card or mdr-cer (default: ${DEFAULT-VALUE}).")
        String kind;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Where to write it (default: the run's docs/ folder).")
        Path out;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(run)) throw new UserError("--run " + run + " is not a folder");
            ComplianceDocs.Kind k;
            try {
                k = ComplianceDocs.Kind.of(kind);
            } catch (IllegalArgumentException e) {
                throw new UserError("--kind: " + e.getMessage(), e);
            }
            Path file;
            try {
                file = ComplianceDocs.write(run, k, out != null ? out : run.resolve("docs"));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), e);
            }
            var o = Json.object();
            o.put("kind", k.key());
            o.put("docx", file.toString());
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }
    }
}
