package org.clinval.app.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.compliance.ComplianceDocs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval docs}: submission-shaped documents from a study's records. */
@Subcommands({DocsCommand.Generate.class})
@Command(
        name = "docs",
        description = "Regulatory documents written from a finished study run's records.")
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
                "Writes a document of a finished study run as DOCX and PDF/A-1b: --kind 510k, the standalone"
                        + " performance testing section of a 510(k); --kind model-card, the model"
                        + " card of FDA's 2025 draft guidance on AI-enabled device software"
                        + " functions; --kind mdr-cer, the clinical evaluation of the software for"
                        + " the EU MDR technical documentation (MDCG 2020-1) with its GSPR rows;"
                        + " --kind claim, the CLAIM 2024 checklist (Checklist for Artificial"
                        + " Intelligence in Medical Imaging) with each item answered from the run's"
                        + " records or marked for the manufacturer to complete;"
                        + " --kind tool-validation --cucumber FILE, the validation report of the"
                        + " suite itself from its requirements run."
                        + " Every number refers to its"
                        + " computation record (appendix A); what the records cannot say is marked"
                        + " for the manufacturer to complete."
            })
    public static final class Generate implements Callable<Integer> {

        @Option(
                names = "--run",
                paramLabel = "DIR",
                description = "The run folder (every kind but tool-validation).")
        Path run;

        @Option(
                names = "--cucumber",
                paramLabel = "FILE",
                description =
                        "tool-validation: the Cucumber JSON report of the requirements suite"
                                + " (features/target/cucumber/suite-requirements.json after the"
                                + " build's tests).")
        Path cucumber;

        @Option(
                names = "--kind",
                defaultValue = "510k",
                paramLabel = "KIND",
                description =
                        "510k, model-card, mdr-cer, claim or tool-validation (default:"
                                + " ${DEFAULT-VALUE}).")
        String kind;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description =
                        "Where to write it (default: <run>-docs beside the run folder: a sealed run"
                                + " folder takes no new file).")
        Path out;

        @Option(
                names = "--public-key",
                paramLabel = "FILE",
                description =
                        "The site's public key: the run's records are verified (audit trail,"
                                + " signatures, seal) before a document is written from them, and"
                                + " nothing is written if they do not verify.")
        Path publicKey;

        @Option(
                names = "--ledger",
                paramLabel = "DIR",
                description =
                        "510k: the site's dataset ledger; the section then says how often the test"
                                + " set was used and by which model versions (needs --public-key:"
                                + " the ledger is verified first).")
        Path ledger;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (kind.equals("tool-validation")) return toolValidation();
            ComplianceDocs.Kind k;
            try {
                k = ComplianceDocs.Kind.of(kind);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--kind: " + e.getMessage() + " or tool-validation");
            }
            if (run == null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--run DIR is needed for --kind " + kind);
            }
            if (!Files.isDirectory(run)) throw new UserError("--run " + run + " is not a folder");
            if (publicKey != null) {
                org.clinval.workflows.records.RunVerification v;
                try {
                    v =
                            org.clinval.workflows.records.RunVerifier.verify(
                                    run, org.clinval.common.sitekey.PublicSiteKey.read(publicKey));
                } catch (java.io.IOException | org.clinval.common.sitekey.SiteKeyException e) {
                    throw new UserError(publicKey + ": " + e.getMessage(), e);
                }
                if (!v.ok()) {
                    throw new UserError(
                            "the run's records do not verify, so no document is written from them: "
                                    + v.firstBad()
                                            .map(f -> f.problem())
                                            .orElse("see clinval audit verify"));
                }
            }
            Path where =
                    out != null
                            ? out
                            : run.toAbsolutePath()
                                    .normalize()
                                    .resolveSibling(
                                            run.toAbsolutePath().normalize().getFileName()
                                                    + "-docs");
            java.util.Optional<org.clinval.compliance.TestSetUse> reuse = reuse();
            Path file;
            try {
                file = ComplianceDocs.write(run, k, where, reuse);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), e);
            }
            var o = Json.object();
            o.put("kind", k.key());
            o.put("docx", file.toString());
            o.put("pdf", org.clinval.compliance.ComplianceDocs.pdfOf(file).toString());
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }

        /** The test set's uses in the verified ledger, when --ledger is given. */
        private java.util.Optional<org.clinval.compliance.TestSetUse> reuse() throws Exception {
            if (ledger == null) return java.util.Optional.empty();
            if (publicKey == null) {
                throw new UserError("--ledger needs --public-key: the ledger is verified first");
            }
            var key = org.clinval.common.sitekey.PublicSiteKey.read(publicKey);
            String self = org.clinval.workflows.ledger.DatasetLedger.runReference(run);
            for (String ds : org.clinval.workflows.ledger.DatasetLedger.datasets(ledger)) {
                var entries = org.clinval.workflows.ledger.DatasetLedger.entries(ledger, ds);
                if (entries.stream().noneMatch(e -> e.access().run().equals(self))) continue;
                var v = org.clinval.workflows.ledger.DatasetLedger.verify(ledger, ds, key);
                if (!v.ok()) {
                    throw new UserError(
                            "the dataset ledger of this run's test set does not verify: "
                                    + v.firstBad().map(Object::toString).orElse(ds));
                }
                var sum = org.clinval.workflows.ledger.LedgerSummary.of(entries);
                java.util.List<String> byModel = new java.util.ArrayList<>();
                for (var m : sum.byModelVersion()) {
                    byModel.add(m.model() + " " + m.version() + " (" + m.uses() + " accesses)");
                }
                return java.util.Optional.of(
                        new org.clinval.compliance.TestSetUse(ds, sum.uses(), sum.runs(), byModel));
            }
            throw new UserError("the dataset ledger " + ledger + " has no entry of this run");
        }

        private Integer toolValidation() throws Exception {
            if (cucumber == null) {
                throw new UserError(
                        "--cucumber FILE is needed for --kind tool-validation: the requirements"
                                + " suite's report, features/target/cucumber/suite-requirements.json"
                                + " after ./run-tests");
            }
            java.util.Map<String, Path> components = new java.util.TreeMap<>();
            for (String entry :
                    System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                if (name.startsWith("clinval-")) {
                    components.put(name, p);
                } else if (name.equals("classes") && p.getParent() != null) {
                    // A module's build folder, as the launcher runs it: <module>/target/classes.
                    Path module = p.getParent().getParent();
                    if (module != null) components.put("clinval " + module.getFileName(), p);
                }
            }
            Path file;
            try {
                file =
                        org.clinval.compliance.ToolValidationReport.write(
                                cucumber,
                                org.clinval.app.Version.current(),
                                components,
                                out != null ? out : Path.of("docs"));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), e);
            }
            var o = Json.object();
            o.put("kind", "tool-validation");
            o.put("docx", file.toString());
            o.put("pdf", org.clinval.compliance.ComplianceDocs.pdfOf(file).toString());
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }
    }
}
