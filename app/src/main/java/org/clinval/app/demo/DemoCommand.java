package org.clinval.app.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Logs;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.Progress;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.app.study.Studies;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.imaging.phantom.ImageStudy;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.reports.risk.RiskReports;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.io.RiskFileReader;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.RunFolder;
import org.clinval.risk.trace.TraceabilityMatrix;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.StudySettings;
import org.clinval.workflows.StudyState;
import org.clinval.workflows.StudyStatus;
import org.clinval.workflows.StudyTask;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.records.RunVerifier;
import org.clinval.workflows.signature.Meaning;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clinval demo}: a complete validation study on embedded defaults. It generates a phantom
 * chest CT study, writes the protocol, runs the Camunda process (lock, PHI check and
 * de-identification, inference as a Flink job, analysis, Gherkin acceptance criteria, PDF/A report
 * and workbook, archive, seal), signs both user tasks as the demo users, and writes the ISO 14971
 * risk report and traceability workbook from the finished run. The demo signs with the demo site's
 * keystore ({@link DemoSite}: passphrase {@value DemoStudy#KEY_PASSPHRASE}, published because the
 * demo is for looking at), whose public key {@code clinval audit verify RUN --public-key …} checks
 * the run with. Progress goes to stderr; the paths of what it wrote, as JSON, to stdout.
 */
@Command(
        name = "demo",
        description =
                "Run a complete validation study of a built-in model on phantom images, on"
                        + " embedded defaults (by default the nodule classifier on chest CT; see"
                        + " --task and --modality), and print the paths of its reports, workbook,"
                        + " case results and audit trail.")
public final class DemoCommand implements Callable<Integer> {

    private static final String MARKER = ".clinval-demo";

    @Option(
            names = "--out",
            defaultValue = "clinval-demo",
            paramLabel = "DIR",
            description =
                    "Folder of the demo study (default: ${DEFAULT-VALUE}); a previous demo there is replaced.")
    Path out;

    @Option(
            names = "--site",
            paramLabel = "DIR",
            description =
                    "The demo site: keystore and demo users, shared with clinval pms demo and"
                            + " clinval serve; created if missing (default: "
                            + DemoSite.FOLDER
                            + " beside --out).")
    Path site;

    @Option(
            names = "--cases",
            paramLabel = "N",
            description =
                    "Phantom cases (default: 400 for CT classification, 200 for grading and for"
                            + " MR and DX, 40 series for segmentation and detection).")
    Integer cases;

    @Option(
            names = "--task",
            defaultValue = "classification",
            paramLabel = "TASK",
            description =
                    "classification (default: the nodule classifier on single slices),"
                            + " segmentation (the nodule U-Net's masks on chest CT volumes against"
                            + " DICOM SEG references), detection (nodule candidates on the same"
                            + " volumes, FROC and CPM by the LUNA16 rules) or grading (the"
                            + " retinopathy grader on colour fundus photographs: kappa, referable"
                            + " retinopathy against superiority goals, Grad-CAM maps).")
    String task;

    @Option(
            names = "--modality",
            defaultValue = "CT",
            paramLabel = "CT|MR|DX",
            description =
                    "Modality of a classification demo: CT (default, chest CT slices), MR (T1 head"
                            + " slices, z-scored per image) or DX (chest radiographs, some"
                            + " MONOCHROME1, windowed with the header's VOI window).")
    String modality;

    @Option(
            names = "--slices",
            defaultValue = "24",
            paramLabel = "N",
            description =
                    "Slices per series of the segmentation and detection demos (default:"
                            + " ${DEFAULT-VALUE}).")
    int slices;

    @Option(
            names = "--seed",
            defaultValue = "20261121",
            paramLabel = "S",
            description = "Seed of the phantoms and of the bootstrap (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(
            names = "--size",
            defaultValue = "256",
            paramLabel = "128|256",
            description = "Image matrix (default: ${DEFAULT-VALUE}; the model was trained at 256).")
    int size;

    @Option(
            names = "--pccp",
            description =
                    "Also re-validate version 2 of the nodule classifier (retrained on another"
                            + " phantom seed) on the same locked test set, compare it with version"
                            + " 1 under the demo PCCP plan, and write the comparison and its PCCP"
                            + " report beside the runs (CT classification only).")
    boolean pccp;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean volume;
        switch (task) {
            case "classification", "grading" -> volume = false;
            case "segmentation", "detection" -> volume = true;
            default ->
                    throw new UsageError(
                            "--task is not classification, segmentation, detection or grading: "
                                    + task);
        }
        if (!List.of("CT", "MR", "DX").contains(modality)) {
            throw new UsageError("--modality is not CT, MR or DX: " + modality);
        }
        if (!modality.equals("CT") && !task.equals("classification")) {
            throw new UsageError(
                    "--modality " + modality + " runs a classification study; drop --task " + task);
        }
        if (pccp && !(task.equals("classification") && modality.equals("CT"))) {
            throw new UsageError(
                    "--pccp re-validates the CT nodule classifier; drop --task and --modality");
        }
        // the study's kind: ct, grading, mr or dx (with the task for CT)
        String kind = task.equals("grading") ? "grading" : modality.toLowerCase(Locale.ROOT);
        if (cases == null) {
            cases = volume ? 40 : kind.equals("ct") ? 400 : 200;
        }
        OptionValues.count("--slices", slices, 8, 200);
        if (cases < 20) {
            throw new UserError(
                    "--cases is below 20: a study needs enough positives and negatives for its intervals");
        }
        OptionValues.count("--cases", cases, 20, 100_000);
        if (size != 128 && size != 256) {
            throw new UsageError("--size is not 128 or 256: " + size);
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Path root = prepare(out.toAbsolutePath());
        Logs.toFile(root);

        if (!kind.equals("ct")) {
            return otherModality(kind, root, err, start);
        }
        err.println(
                "clinval demo: "
                        + step(1)
                        + " generating "
                        + cases
                        + (volume
                                ? " phantom chest CT series of " + slices + " slices"
                                : " phantom chest CT cases")
                        + " (seed "
                        + seed
                        + ")");
        PhantomStudy phantoms;
        Path dicom = root.resolve("data").resolve("dicom");
        try (Progress p = new Progress("phantoms: cases", cases, err);
                AutoCloseable watch = p.watch(() -> count(dicom))) {
            phantoms =
                    PhantomStudyWriter.write(
                            volume
                                    ? PhantomGenerator.builder()
                                            .setSeed(seed)
                                            .setSize(size)
                                            .setPrevalence(0.7)
                                            .optSlices(slices)
                                            // The segmentation device's intended use is
                                            // volumetry of nodules of 6 mm and more (those that
                                            // call for follow-up); the detector's, 3 mm and more.
                                            .optDiameters(task.equals("segmentation") ? 6 : 3, 30)
                                            .build()
                                    : PhantomGenerator.builder()
                                            .setSeed(seed)
                                            .setSize(size)
                                            .setPrevalence(0.3)
                                            .build(),
                            cases,
                            root.resolve("data"));
            watch.close();
            p.update(phantoms.cases());
        }

        err.println(
                "clinval demo: "
                        + step(2)
                        + " writing the protocol, model, acceptance criteria, risk file and demo users");
        Path descriptor =
                volume
                        ? DemoStudy.unet(root.resolve("model"))
                        : DemoStudy.model(root.resolve("model"));
        DemoStudy.features(root.resolve("features"), task);
        Path riskFile = DemoStudy.risk(root.resolve("risk"), task);
        Path protocol =
                DemoStudy.protocol(
                        root.resolve("protocol.yaml"),
                        descriptor,
                        org.clinval.app.study.Studies.sha256(descriptor),
                        seed,
                        task);
        return runStudy(root, protocol, riskFile, phantoms.cases(), err, start);
    }

    /** Runs the study of {@code protocol} in {@code root} and writes the risk report. */
    private Integer runStudy(
            Path root, Path protocol, Path riskFile, int caseCount, PrintWriter err, long start)
            throws Exception {
        DemoSite demoSite = site != null ? DemoSite.openOrCreate(site) : DemoSite.beside(root);
        SiteKey key = demoSite.key();
        Path publicKey = demoSite.publicKey();
        Path users = demoSite.users();

        err.println(
                "clinval demo: "
                        + step(3)
                        + " running the study (Camunda process; inference as a Flink job)");
        Path run = root.resolve("run-seed-" + seed);
        StudyStatus status = study(protocol, run, demoSite, err);

        err.println(
                "clinval demo: "
                        + step(4)
                        + " writing the ISO 14971 risk report and traceability workbook");
        RiskManagementFile file = RiskFileReader.read(riskFile);
        Optional<ResultsSource> results = Optional.of(RunFolder.open(run));
        RiskCheckReport check = RiskCheck.check(file, results);
        RiskReports.Written risk =
                RiskReports.write(
                        file,
                        check,
                        TraceabilityMatrix.of(check, results),
                        List.of(),
                        root.resolve("risk-report"));

        ObjectNode o = Json.object();
        o.put("study", status.studyId());
        o.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
        o.put("cases", caseCount);
        o.put("run", run.toString());
        Path reports = run.resolve(ValidationStudy.REPORTS_DIR);
        o.put("report", reports.resolve(Studies.REPORT_PDF).toString());
        o.put("workbook", reports.resolve(Studies.REPORT_XLSX).toString());
        o.put("case_results", run.resolve(ValidationStudy.CASE_RESULTS).toString());
        o.put("quarantine", run.resolve(ValidationStudy.QUARANTINE).toString());
        o.put("metrics", run.resolve(ValidationStudy.METRICS).toString());
        o.put("audit_trail", run.resolve(AuditTrail.FILE).toString());
        o.put("acceptance_report", run.resolve("cucumber-report.html").toString());
        o.put("task", task);
        o.put("modality", task.equals("grading") ? "OP" : modality);
        o.put("risk_report", risk.pdf().toString());
        o.put("traceability", risk.xlsx().toString());
        o.put("archive", run.resolve("archive").toString());
        o.put("keystore", demoSite.keystore().toString());
        o.put("users", users.toString());
        o.put("public_key", publicKey.toString());
        o.put("records_verified", RunVerifier.verify(run, key.publicKey()).ok());
        o.put(
                "overall_residual_risk",
                check.overall().verdict().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode signers = o.putArray("demo_signers");
        signers.add(DemoStudy.LEAD + " (approves the protocol)");
        signers.add(DemoStudy.REVIEWER + " (signs off the reports)");
        boolean ok = status.state() == StudyState.PASSED;
        if (pccp) {
            PccpDemo.Outcome p =
                    PccpDemo.run(
                            root,
                            seed,
                            run,
                            demoSite,
                            (proto, dir) -> study(proto, dir, demoSite, err),
                            err,
                            step(5),
                            step(6));
            o.set("pccp", p.json());
            ok &= p.passedAndWithinPlan();
        }
        Json.put(o, "wall_seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        spec.commandLine().getOut().println(Json.write(o));
        return ok ? 0 : 3;
    }

    /**
     * Runs the study of {@code protocol} into run folder {@code run} on the demo site, signing its
     * tasks as the demo users; a study that stopped or has an incident is a user error.
     */
    private StudyStatus study(Path protocol, Path run, DemoSite demoSite, PrintWriter err)
            throws Exception {
        StudySettings settings =
                StudySettings.builder()
                        .setServices(Studies.services(err, Clock.systemUTC()))
                        .setUsers(demoSite.users())
                        .setSiteKey(demoSite.key())
                        .optLedger(demoSite.ledger())
                        .build();
        StudyStatus status;
        try (StudyEngine engine = StudyEngine.start(protocol, run, settings)) {
            status = drive(engine, err);
        }
        if (status.state() == StudyState.INCIDENT || status.state() == StudyState.STOPPED) {
            throw new UserError(
                    "the demo study stopped: "
                            + String.join("; ", status.incidents())
                            + status.stopReason().map(r -> " " + r).orElse(""));
        }
        return status;
    }

    /** The label of step {@code i}: of 4, or of 6 with {@code --pccp}. */
    private String step(int i) {
        return "[" + i + "/" + (pccp ? 6 : 4) + "]";
    }

    /**
     * The grading, MR and X-ray demos: phantoms of that kind, the built-in reference model of that
     * kind, the app's demo protocol and acceptance criteria, then the same study run.
     */
    private Integer otherModality(String kind, Path root, PrintWriter err, long start)
            throws Exception {
        String what =
                switch (kind) {
                    case "grading" -> "colour fundus photographs (Ophthalmic Photography)";
                    case "mr" -> "T1-weighted head MR slices";
                    default -> "chest radiographs (DX, some MONOCHROME1)";
                };
        err.println(
                "clinval demo: "
                        + step(1)
                        + " generating "
                        + cases
                        + " phantom "
                        + what
                        + " (seed "
                        + seed
                        + ")");
        ImageStudy phantoms;
        Path dicom = root.resolve("data").resolve("dicom");
        try (Progress p = new Progress("phantoms: cases", cases, err);
                AutoCloseable watch = p.watch(() -> count(dicom))) {
            phantoms = DemoStudy.phantoms(kind, seed, cases, root.resolve("data"));
            watch.close();
            p.update(phantoms.cases());
        }
        err.println(
                "clinval demo: "
                        + step(2)
                        + " writing the protocol, model, acceptance criteria, risk file and demo users");
        Path descriptor = DemoStudy.referenceModel(kind, root.resolve("model"));
        DemoStudy.features(root.resolve("features"), kind);
        Path riskFile = DemoStudy.risk(root.resolve("risk"), kind);
        Path protocol =
                DemoStudy.protocol(
                        root.resolve("protocol.yaml"),
                        descriptor,
                        org.clinval.app.study.Studies.sha256(descriptor),
                        seed,
                        kind);
        return runStudy(root, protocol, riskFile, phantoms.cases(), err, start);
    }

    /** Signs every user task as the demo users until the study ends or stops. */
    private static StudyStatus drive(StudyEngine engine, PrintWriter err) throws Exception {
        StudyStatus s = engine.status();
        for (int guard = 0; guard < 10 && !s.ended() && s.state() != StudyState.INCIDENT; guard++) {
            if (s.tasks().isEmpty()) {
                engine.awaitJobs(java.time.Duration.ofHours(1));
                s = engine.status();
                continue;
            }
            StudyTask t = s.tasks().get(0);
            boolean lead = t.candidateGroup().equals(ValidationStudy.QA_LEAD);
            String user = lead ? DemoStudy.LEAD : DemoStudy.REVIEWER;
            Meaning meaning =
                    t.meanings().contains(Meaning.APPROVED) && lead
                            ? Meaning.APPROVED
                            : t.meanings().contains(Meaning.REVIEWED)
                                    ? Meaning.REVIEWED
                                    : t.meanings().iterator().next();
            String reason =
                    t.key().equals(ValidationStudy.RECORD_DEVIATION)
                            ? "demo: the study failed its acceptance criteria; recorded for the report"
                            : "demo";
            err.println(
                    "clinval demo:   "
                            + t.name()
                            + ": signed by "
                            + user
                            + " ("
                            + meaning.key()
                            + ")");
            s = engine.complete(t.id(), user, meaning, DemoStudy.PASSWORD.toCharArray(), reason);
        }
        return s;
    }

    /** Makes {@code dir} empty for a new demo; a folder that is not a previous demo is refused. */
    private static Path prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                boolean empty = s.findAny().isEmpty();
                if (!empty && !Files.exists(dir.resolve(MARKER))) {
                    throw new UserError(
                            dir + " exists and does not hold a previous demo; give another --out");
                }
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(MARKER),
                "a folder written by clinval demo; the next demo replaces it\n");
        return dir;
    }

    private static long count(Path dicom) {
        try (Stream<Path> s = Files.list(dicom)) {
            return s.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
