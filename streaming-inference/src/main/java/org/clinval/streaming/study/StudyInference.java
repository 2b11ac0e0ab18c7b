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
import org.clinval.streaming.CaseResult;
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
            List<String> jars) {

        public Request {
            phiQuarantined = Map.copyOf(phiQuarantined);
            jars = List.copyOf(jars);
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
                    InferenceRun.run(
                            manifest,
                            StudyInputs.truth(plan, in.positiveClass()),
                            r.runDir(),
                            new DicomCaseLoader(in.images(), in.modalities()),
                            new ModelPreprocessor(in.descriptor()),
                            new ModelScorerFactory(in.descriptor()),
                            r.settings(),
                            r.cluster(),
                            r.jars().toArray(String[]::new));
            String negative = negativeLabel(plan, in.positiveClass());
            relabel(s.caseResults(), r.caseResults(), in.positiveClass(), negative);
            if (!s.quarantine().equals(r.quarantine())) {
                Files.move(s.quarantine(), r.quarantine(), StandardCopyOption.REPLACE_EXISTING);
            }
            return s;
        } finally {
            Files.deleteIfExists(manifest);
        }
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
        try (Reader reader = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(reader, in)) {
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
                                .setHeader(CaseResult.HEADER.split(","))
                                .setRecordSeparator('\n')
                                .get()
                                .print(w)) {
            for (List<String> row : rows) out.printRecord(row);
        }
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
