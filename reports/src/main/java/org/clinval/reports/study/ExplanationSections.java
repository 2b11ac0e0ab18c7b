package org.clinval.reports.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.clinval.reports.model.ExplanationCaseRow;
import org.clinval.reports.model.ExplanationSection;
import org.clinval.workflows.analysis.ExplanationResults;
import org.clinval.workflows.analysis.ExplanationRow;
import org.clinval.workflows.analysis.ExplanationsCsv;
import org.clinval.workflows.analysis.StudyResults;

/**
 * The report's explanations section, from the analysis the study computed (rates, intervals, mean)
 * and the run's {@code explanations/<case>/} images ({@code original.png}, {@code map.png}, {@code
 * overlay.png}).
 */
final class ExplanationSections {

    private ExplanationSections() {}

    /** Returns the explanations section of a study that asked for explanations, else empty. */
    static Optional<ExplanationSection> of(StudyResults results, Path runDir) throws IOException {
        if (results.explanations().isEmpty()) return Optional.empty();
        ExplanationResults e = results.explanations().get();
        String positive = results.protocol().operatingPoint().positiveClass();
        List<ExplanationCaseRow> rows = new ArrayList<>();
        TreeSet<String> parameters = new TreeSet<>();
        for (ExplanationRow r : e.rows()) {
            if (r.explained()) parameters.add(settings(r.parameters()));
            Path dir = runDir.resolve(ExplanationsCsv.FOLDER).resolve(r.folder());
            rows.add(
                    new ExplanationCaseRow(
                            r.caseId(),
                            r.kind(),
                            r.target(),
                            r.score(),
                            r.prediction() == 1 ? positive : "not " + positive,
                            r.label() == 1 ? positive : "not " + positive,
                            r.pointingHit(),
                            r.energyInMask(),
                            r.lesionPixels(),
                            ExplanationsCsv.FOLDER + "/" + r.folder(),
                            r.problem(),
                            png(dir.resolve("original.png")),
                            png(dir.resolve("map.png")),
                            png(dir.resolve("overlay.png")),
                            png(dir.resolve("lesion.png"))));
        }
        Map<String, ExplanationSection.Pointing> byKind = new LinkedHashMap<>();
        e.pointingByKind().forEach((k, g) -> byKind.put(k, pointing(g)));
        return Optional.of(
                new ExplanationSection(
                        e.settings().methodLabel(),
                        String.join(" | ", parameters),
                        e.settings().cases(),
                        e.settings().perKind(),
                        e.settings().seed(),
                        e.settings().tolerancePx(),
                        results.protocol().statistics().level().value(),
                        pointing(e.pointing()),
                        byKind,
                        e.energy()
                                .map(m -> OptionalDouble.of(m.mean()))
                                .orElse(OptionalDouble.empty()),
                        e.energy().map(m -> m.interval().clip(0, 1)),
                        e.energyDefined(),
                        e.energyUndefined(),
                        rows));
    }

    private static ExplanationSection.Pointing pointing(ExplanationResults.PointingGame g) {
        return new ExplanationSection.Pointing(g.hits(), g.trials(), g.noLesion(), g.ci());
    }

    private static byte[] png(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
    }

    /**
     * The method's settings without the per-case target (each caption names its own), so that a
     * grading study's maps, each explaining its own predicted grade, share one line of settings.
     */
    static String settings(String parameters) {
        List<String> kept = new ArrayList<>();
        boolean predicted = false;
        for (String p : parameters.split(";")) {
            if (p.startsWith("target=")) {
                predicted |= p.contains("(predicted)");
            } else if (!p.isBlank()) {
                kept.add(p);
            }
        }
        if (predicted) kept.add("target=the predicted class of each case");
        return String.join("; ", kept);
    }
}
