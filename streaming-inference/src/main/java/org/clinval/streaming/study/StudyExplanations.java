package org.clinval.streaming.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.streaming.explain.CaseExplainer;
import org.clinval.streaming.explain.CaseSelection;
import org.clinval.streaming.explain.ExplainedCase;
import org.clinval.streaming.explain.ExplanationJob;
import org.clinval.streaming.explain.ExplanationTask;
import org.clinval.streaming.explain.SelectedCase;
import org.clinval.streaming.function.CsvLines;

/**
 * The study's explanations step, after inference: draws the cases from {@code case-results.csv}
 * ({@link CaseSelection}), runs the {@link ExplanationJob} over them and writes {@code
 * explanations.csv} (one row per drawn case, kinds in protocol order, each kind in draw order) and
 * the maps under {@code explanations/<case>/}. A case's lesion mask is {@code <case folder>.dcm},
 * {@code .nii.gz} or {@code .nii} in the lesion-mask folder, placed on the locked image.
 */
public final class StudyExplanations {

    /** The run folder's sub-folder of maps. */
    public static final String FOLDER = "explanations";

    /** The run folder's table of maps. */
    public static final String CSV = "explanations.csv";

    /** The header of {@link #CSV}. */
    public static final String HEADER =
            "case_id,kind,method,target,pointing_hit,energy_in_mask,peak_row,peak_column,"
                    + "lesion_pixels,label,score,prediction,parameters,folder,dicom_overlay,problem";

    private StudyExplanations() {}

    /** Runs the step for the study of {@code r} over the cases of {@code plan}. */
    public static List<ExplainedCase> run(
            StudyInference.Request r, CasePlan plan, ExplanationTask task) throws Exception {
        StudyCheck.Inputs in = r.inputs();
        Map<ExplanationTask.Kind, List<CaseSelection.Row>> drawn =
                CaseSelection.draw(r.caseResults(), in.positiveClass(), task);
        Map<String, PlannedCase> byId = new HashMap<>();
        plan.usable().forEach(c -> byId.put(c.caseId(), c));
        List<SelectedCase> cases = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        for (Map.Entry<ExplanationTask.Kind, List<CaseSelection.Row>> e : drawn.entrySet()) {
            for (CaseSelection.Row row : e.getValue()) {
                PlannedCase c = byId.get(row.caseId());
                if (c == null) {
                    throw new IOException(
                            "case " + row.caseId() + " of the case results is not in the plan");
                }
                Path original = in.images().resolve(c.image().orElseThrow().relative());
                Path image =
                        r.deidentified()
                                .map(d -> StudyDeidentification.copyOf(d, c))
                                .orElse(original);
                String mask =
                        task.lesionMasks()
                                .flatMap(dir -> mask(dir, c))
                                .map(Path::toString)
                                .orElse("");
                order.put(row.caseId(), cases.size());
                cases.add(
                        new SelectedCase(
                                row.caseId(),
                                e.getKey().key(),
                                image.toAbsolutePath().toString(),
                                original.toAbsolutePath().toString(),
                                mask,
                                row.label(),
                                row.score(),
                                row.prediction()));
            }
        }
        Path out = r.runDir().resolve(FOLDER);
        Files.createDirectories(out);
        CaseExplainer explainer =
                new CaseExplainer(
                        in.descriptor(), task.method(), task.seed(), task.tolerancePx(), out);
        List<ExplainedCase> results =
                new ArrayList<>(
                        new ExplanationJob(cases, explainer)
                                .run(
                                        r.settings().parallelism(),
                                        r.cluster(),
                                        r.jars().toArray(String[]::new)));
        results.sort(Comparator.comparing(x -> order.get(x.caseId())));
        write(r.runDir().resolve(CSV), results);
        return results;
    }

    /** The lesion mask file of {@code c}, by its folder name or its ground-truth case id. */
    static Optional<Path> mask(Path dir, PlannedCase c) {
        List<String> keys = new ArrayList<>();
        c.files().ifPresent(f -> keys.add(f.key()));
        c.truth().ifPresent(t -> keys.add(t.caseId()));
        for (String k : keys) {
            for (String ext : VolumeCases.REFERENCE_EXTENSIONS) {
                Path p = dir.resolve(k + ext);
                if (Files.isRegularFile(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Writes {@code rows} as {@link #CSV}. */
    public static void write(Path file, List<ExplainedCase> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (ExplainedCase x : rows) {
            lines.add(
                    CsvLines.line(
                            x.caseId(),
                            x.kind(),
                            x.method(),
                            x.target(),
                            x.pointingHit(),
                            x.energyInMask(),
                            x.problem().isEmpty() ? Integer.toString(x.peakRow()) : "",
                            x.problem().isEmpty() ? Integer.toString(x.peakColumn()) : "",
                            Long.toString(x.lesionPixels()),
                            Integer.toString(x.label()),
                            Double.toString(x.score()),
                            Integer.toString(x.prediction()),
                            x.parameters(),
                            x.folder(),
                            x.dicomOverlay(),
                            x.problem()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
