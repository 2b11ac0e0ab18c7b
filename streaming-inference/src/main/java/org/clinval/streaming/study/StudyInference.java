package org.clinval.streaming.study;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.Problem;
import org.clinval.streaming.InferenceRun;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.RunSummary;
import org.clinval.streaming.imaging.DicomCaseLoader;
import org.clinval.streaming.imaging.ModelPreprocessor;
import org.clinval.streaming.imaging.ModelScorerFactory;

/**
 * The study's inference step: plans the cases again from the locked inputs (the same checks as
 * before the approval, so the same pseudonyms and reasons), writes the job's manifest outside the
 * run folder, runs the Flink job over it and writes {@code case-results.csv} with the reference
 * standard's own labels, and {@code quarantine.csv}. Every case in is either a result or
 * quarantined.
 */
public final class StudyInference {

    private StudyInference() {}

    /**
     * What the step needs.
     *
     * @param inputs the study's inputs
     * @param deidentified the folder of de-identified copies, when the PHI step wrote them
     * @param phiQuarantined cases the PHI step took out, with reasons
     * @param runDir the run folder
     * @param caseResults where the case results go
     * @param quarantine where the quarantined cases go
     * @param settings the job's settings
     * @param cluster a Flink cluster's {@code host:port}, or null for in-process
     * @param jars the jars a cluster needs
     * @param explanations the explanations step after inference, when the protocol asks for one
     */
    public record Request(
            StudyCheck.Inputs inputs,
            Optional<Path> deidentified,
            Map<String, String> phiQuarantined,
            Path runDir,
            Path caseResults,
            Path quarantine,
            JobSettings settings,
            String cluster,
            List<String> jars,
            Optional<org.clinval.streaming.explain.ExplanationTask> explanations) {

        public Request {
            phiQuarantined = Map.copyOf(phiQuarantined);
            jars = List.copyOf(jars);
        }

        /** A request without explanations. */
        public Request(
                StudyCheck.Inputs inputs,
                Optional<Path> deidentified,
                Map<String, String> phiQuarantined,
                Path runDir,
                Path caseResults,
                Path quarantine,
                JobSettings settings,
                String cluster,
                List<String> jars) {
            this(
                    inputs,
                    deidentified,
                    phiQuarantined,
                    runDir,
                    caseResults,
                    quarantine,
                    settings,
                    cluster,
                    jars,
                    Optional.empty());
        }
    }

    /** Returns the number of cases the step will account for, once planned; for progress. */
    public static CasePlan plan(StudyCheck.Inputs inputs) throws IOException {
        StudyCheck.Result check = StudyCheck.run(inputs, n -> {});
        if (!check.ok() || check.plan().isEmpty()) {
            throw new IOException(
                    "the inputs no longer pass their checks: "
                            + String.join(
                                    "; ",
                                    check.problems().stream().map(Problem::toString).toList()));
        }
        return check.plan().get();
    }

    /** Runs the job over {@code plan}. */
    public static RunSummary run(Request r, CasePlan plan) throws Exception {
        if (r.inputs().volume().isPresent()) {
            return runVolumes(r, plan);
        }
        StudyCheck.Inputs in = r.inputs();
        Path manifest = Files.createTempFile("clinval-job-manifest-", ".csv");
        try {
            StudyInputs.writeJobManifest(
                    plan,
                    manifest,
                    c ->
                            r.deidentified()
                                    .map(d -> StudyDeidentification.copyOf(d, c))
                                    .orElseGet(
                                            () ->
                                                    in.images()
                                                            .resolve(
                                                                    c.image()
                                                                            .orElseThrow()
                                                                            .relative())),
                    r.phiQuarantined());
            RunSummary s =
                    in.grading().isEmpty()
                            ? InferenceRun.run(
                                    manifest,
                                    StudyInputs.truth(plan, in.positiveClass()),
                                    r.runDir(),
                                    new DicomCaseLoader(in.images(), in.modalities(), false),
                                    new ModelPreprocessor(in.descriptor()),
                                    new ModelScorerFactory(in.descriptor()),
                                    r.settings(),
                                    r.cluster(),
                                    r.jars().toArray(String[]::new))
                            : InferenceRun.runGraded(
                                    manifest,
                                    StudyInputs.truth(plan, in.positiveClass()),
                                    r.runDir(),
                                    new DicomCaseLoader(in.images(), in.modalities(), false),
                                    new ModelPreprocessor(in.descriptor()),
                                    new ModelScorerFactory(in.descriptor()),
                                    grades(in.grading().get()),
                                    in.grading().get().jobColumns(),
                                    r.settings(),
                                    r.cluster(),
                                    r.jars().toArray(String[]::new));
            finish(r, plan, s);
            if (!s.quarantine().equals(r.quarantine())) {
                Files.move(s.quarantine(), r.quarantine(), StandardCopyOption.REPLACE_EXISTING);
            }
            if (r.explanations().isPresent()) {
                StudyExplanations.run(r, plan, r.explanations().get());
            }
            return s;
        } finally {
            Files.deleteIfExists(manifest);
        }
    }

    /** The per-case columns of a segmentation study's results. */
    public static final List<String> SEGMENTATION_COLUMNS =
            org.clinval.common.TaskColumns.SEGMENTATION;

    /** The per-case columns of a detection study's results. */
    public static final List<String> DETECTION_COLUMNS = org.clinval.common.TaskColumns.DETECTION;

    /** The header of the run's {@code lesions.csv}. */
    public static final String LESIONS_HEADER = "case_id,x,y,z,radius";

    /**
     * Runs the job of a segmentation or detection study: one list file per case (outside the run
     * folder), each case's series evaluated as a whole; writes {@code lesions.csv} and {@code
     * candidates.csv} for a detection study.
     */
    private static RunSummary runVolumes(Request r, CasePlan plan) throws Exception {
        StudyCheck.Inputs in = r.inputs();
        VolumeTask task = in.volume().orElseThrow();
        Path lists = Files.createTempDirectory("clinval-job-cases-");
        Path manifest = lists.resolve("manifest.csv");
        try {
            java.util.Map<String, List<org.clinval.streaming.VolumeCase.LesionMm>> lesions =
                    task.detection() ? VolumeCases.lesions(plan, in) : java.util.Map.of();
            List<List<String>> rows = new ArrayList<>();
            for (PlannedCase c : plan.cases()) {
                String phi = r.phiQuarantined().get(c.caseId());
                if (phi != null) {
                    rows.add(List.of(c.caseId(), c.caseId(), "", "", StudyInputs.PHI, phi));
                } else if (c.usable()) {
                    Path list =
                            VolumeCases.listFile(
                                    c,
                                    in,
                                    f ->
                                            r.deidentified()
                                                    .map(d -> StudyDeidentification.copyOf(d, c, f))
                                                    .orElseGet(
                                                            () ->
                                                                    in.images()
                                                                            .resolve(f.relative())),
                                    lesions,
                                    lists);
                    rows.add(
                            List.of(
                                    c.caseId(),
                                    c.caseId() + "/series",
                                    list.toString(),
                                    "",
                                    "",
                                    ""));
                } else {
                    String input = c.files().isPresent() ? c.fileId(1) : "ground truth";
                    rows.add(
                            List.of(
                                    c.caseId(),
                                    input,
                                    "",
                                    "",
                                    org.clinval.streaming.function.JoinTruth.CHECK,
                                    c.reason()));
                }
            }
            StudyInputs.writeManifest(manifest, rows);
            if (task.detection()) {
                writeLesions(r.runDir().resolve("lesions.csv"), lesions);
            }
            RunSummary s =
                    InferenceRun.runVolumes(
                            manifest,
                            StudyInputs.truth(plan, in.positiveClass()),
                            r.runDir(),
                            new org.clinval.streaming.imaging.VolumeCaseEvaluator(
                                    in.descriptor(),
                                    task,
                                    r.settings().threshold(),
                                    r.settings().rule(),
                                    r.runDir().resolve("results").toString()),
                            task.detection() ? DETECTION_COLUMNS : SEGMENTATION_COLUMNS,
                            r.settings(),
                            r.cluster(),
                            r.jars().toArray(String[]::new));
            if (task.detection() && !Files.exists(r.runDir().resolve("candidates.csv"))) {
                Files.writeString(
                        r.runDir().resolve("candidates.csv"),
                        InferenceRun.CANDIDATES_HEADER + "\n",
                        StandardCharsets.UTF_8);
            }
            finish(r, plan, s);
            return s;
        } finally {
            deleteTree(lists);
        }
    }

    private static void finish(Request r, CasePlan plan, RunSummary s) throws IOException {
        StudyCheck.Inputs in = r.inputs();
        String negative = negativeLabel(plan, in.positiveClass());
        relabel(s.caseResults(), r.caseResults(), in.positiveClass(), negative);
        if (in.grading().isPresent()) {
            GradingResultsCsv.regrade(r.caseResults(), plan, in.grading().get());
        }
        if (!s.quarantine().equals(r.quarantine())) {
            Files.move(s.quarantine(), r.quarantine(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeLesions(
            Path file,
            java.util.Map<String, List<org.clinval.streaming.VolumeCase.LesionMm>> lesions)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of(LESIONS_HEADER));
        new java.util.TreeMap<>(lesions)
                .forEach(
                        (c, ls) ->
                                ls.forEach(
                                        l ->
                                                lines.add(
                                                        org.clinval.streaming.function.CsvLines
                                                                .line(
                                                                        c,
                                                                        Double.toString(l.x()),
                                                                        Double.toString(l.y()),
                                                                        Double.toString(l.z()),
                                                                        Double.toString(
                                                                                l.radius())))));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException e) {
                                    // A temp file left behind holds no result.
                                }
                            });
        } catch (IOException e) {
            // As above.
        }
    }

    /** Returns the job's grading configuration for {@code g}. */
    static org.clinval.streaming.function.ScoreCase.Grades grades(GradingTask g) {
        return new org.clinval.streaming.function.ScoreCase.Grades(
                g.scale().grades(), g.minGrade());
    }

    /** Returns how many cases the running job has finished, for progress. */
    public static LongConsumer none() {
        return n -> {};
    }

    private static String negativeLabel(CasePlan plan, String positive) {
        return plan.cases().stream()
                .flatMap(c -> c.truth().stream())
                .map(GroundTruthRow::label)
                .filter(l -> !l.equals(positive))
                .findFirst()
                .orElse("0");
    }

    /** Writes the job's results with the ground truth's own labels in place of 1 and 0. */
    private static void relabel(Path from, Path to, String positive, String negative)
            throws IOException {
        CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<List<String>> rows = new ArrayList<>();
        List<String> header;
        try (Reader reader = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(reader, in)) {
            header = p.getHeaderNames();
            for (CSVRecord rec : p) {
                List<String> row = new ArrayList<>(rec.toList());
                row.set(5, rec.get("label").equals("1") ? positive : negative);
                rows.add(row);
            }
        }
        Path tmp = Files.createTempFile(to.toAbsolutePath().getParent(), "case-results", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter out =
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(header.toArray(String[]::new))
                                .setRecordSeparator('\n')
                                .get()
                                .print(w)) {
            for (List<String> row : rows) out.printRecord(row);
        }
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
